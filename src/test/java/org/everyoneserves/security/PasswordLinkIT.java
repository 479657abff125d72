package org.everyoneserves.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.inject.Inject;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.testing.Deployments;
import org.everyoneserves.testing.People;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A new person gets a one-time link from an admin, sets a password with it, and signs in. */
@ExtendWith(ArquillianExtension.class)
class PasswordLinkIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.application(PasswordLinkIT.class, People.class);
    }

    @Inject
    PersonService personService;

    @Inject
    AccountService accounts;

    @Test
    void aSetPasswordLinkWorksOnceAndOnlyForAdminsToMake() {
        People people = new People(personService);
        long newcomer = people.create("newcomer", null);
        long colleague = people.create("colleague", null);
        String email = people.email("newcomer");
        assertEquals(SignInResult.Status.INVALID, accounts.signIn(email, "no password yet", "10.0.0.1", "web").status());

        assertEquals("error.forbidden", assertThrows(BusinessException.class,
                () -> accounts.issueSetPasswordLink(People.learner(colleague), newcomer)).code());
        AccountService.IssuedLink link = accounts.issueSetPasswordLink(Caller.SYSTEM, newcomer);
        assertEquals(email, accounts.checkLink(link.token()).email());

        assertEquals("password.error.tooShort", assertThrows(BusinessException.class,
                () -> accounts.setPassword(link.token(), "short")).code());
        accounts.setPassword(link.token(), "a long enough passphrase");
        SignInResult result = accounts.signIn(email, "a long enough passphrase", "10.0.0.1", "web");
        assertEquals(SignInResult.Status.SIGNED_IN, result.status());
        assertEquals(newcomer, result.personId());
        assertEquals(java.util.Set.of(Roles.LEARNER), result.groups());

        assertEquals("password.error.linkUnusable", assertThrows(BusinessException.class,
                () -> accounts.setPassword(link.token(), "another long passphrase")).code());
        assertEquals(SignInResult.Status.SIGNED_IN, accounts.signIn(email, "a long enough passphrase", "10.0.0.1", "web").status(),
                "the spent link changed nothing");
    }

    @Test
    void aNewLinkCancelsTheOlderOneAndAResetIsOnlyForActivePeople() {
        People people = new People(personService);
        long person = people.create("forgetful", null);
        AccountService.IssuedLink first = accounts.issueSetPasswordLink(Caller.SYSTEM, person);
        AccountService.IssuedLink second = accounts.issueSetPasswordLink(Caller.SYSTEM, person);
        assertThrows(BusinessException.class, () -> accounts.checkLink(first.token()));
        assertEquals(people.email("forgetful"), accounts.checkLink(second.token()).email());

        personService.deactivate(Caller.SYSTEM, person);
        assertThrows(BusinessException.class, () -> accounts.setPassword(second.token(), "a long enough passphrase"),
                "a deactivated person's link no longer works");
    }
}
