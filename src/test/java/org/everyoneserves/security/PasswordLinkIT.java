package org.everyoneserves.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.audit.AuditEntry;
import org.everyoneserves.platform.audit.AuditLog;
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
        return Deployments.application(PasswordLinkIT.class, People.class, ResetLinks.class);
    }

    @Inject
    PersonService personService;

    @Inject
    AccountService accounts;

    @Inject
    ResetLinks resetLinks;

    @Inject
    SignInThrottle throttle;

    @Inject
    AuditLog audit;

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

    @Test
    void aResetRequestNeverSpendsTheLinkAnAdminIssuedAndTheAuditNamesWhoActed() {
        People people = new People(personService);
        long person = people.create("returning", null);
        String email = people.email("returning");
        AccountService.IssuedLink fromAdmin = accounts.issueSetPasswordLink(Caller.SYSTEM, person);
        accounts.requestReset(email, "10.1.0.1");
        assertEquals(1, resetLinks.sentTo(email).size(), "a reset link went out by e-mail");
        assertEquals(email, accounts.checkLink(fromAdmin.token()).email(), "the admin's seven-day link still works");
        assertEquals(email, accounts.checkLink(resetLinks.sentTo(email).get(0)).email());

        accounts.setPassword(resetLinks.sentTo(email).get(0), "quiet harbour lamp");
        assertThrows(BusinessException.class, () -> accounts.checkLink(fromAdmin.token()), "a new password cancels the other links");
        List<AuditEntry> entries = audit.forSubject("person", person, 10);
        AuditEntry requested = entries.stream().filter(e -> e.getAction().equals("password.resetRequested")).findFirst().orElseThrow();
        assertNull(requested.getActorId(), "anyone may ask for a reset: the request is nobody's act");
        AuditEntry set = entries.stream().filter(e -> e.getAction().equals("password.set")).findFirst().orElseThrow();
        assertEquals(person, set.getActorId(), "the holder of the link set the password");
        assertEquals("RESET", set.getDetail());
    }

    @Test
    void resetRequestsAreLimitedPerAccountAndTheAnswerNeverChanges() {
        People people = new People(personService);
        people.create("impatient", null);
        String email = people.email("impatient");
        for (int i = 0; i < SignInThrottle.RESETS_PER_ACCOUNT + 2; i++) {
            accounts.requestReset(email, "10.1.1." + i);
        }
        assertEquals(SignInThrottle.RESETS_PER_ACCOUNT, resetLinks.sentTo(email).size(), "at most three e-mails an hour");
        accounts.requestReset("nobody-" + System.nanoTime() + "@brightwater.example", "10.1.1.9");
    }

    @Test
    void ofTwoUsesOfOneLinkAtOnceOneWins() throws Exception {
        People people = new People(personService);
        long person = people.create("doubleclick", null);
        AccountService.IssuedLink link = accounts.issueSetPasswordLink(Caller.SYSTEM, person);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (String password : List.of("first choice of words", "second choice of words")) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        accounts.setPassword(link.token(), password);
                        return "set";
                    } catch (BusinessException e) {
                        return e.code();
                    }
                }));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get(60, TimeUnit.SECONDS));
            }
            results.sort(null);
            assertEquals(List.of("password.error.linkUnusable", "set"), results);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNewPasswordWithALinkMustNotBeCommonNorNameThePersonAndItClearsTheLocks() {
        People people = new People(personService);
        long person = people.create("locked", null);
        String email = people.email("locked");
        AccountService.IssuedLink link = accounts.issueSetPasswordLink(Caller.SYSTEM, person);
        assertEquals("password.error.common", assertThrows(BusinessException.class, () -> accounts.setPassword(link.token(), "qwertyuiop")).code());
        String name = personService.find(person).orElseThrow().lastName();
        assertEquals("password.error.context", assertThrows(BusinessException.class,
                () -> accounts.setPassword(link.token(), name + " forever and ever")).code());

        for (int i = 0; i < SignInThrottle.ACCOUNT_LOCK_AT; i++) {
            throttle.failed(email, "10.2.0.1");
        }
        assertEquals(SignInResult.Status.THROTTLED, accounts.signIn(email, "anything at all", "10.2.0.1", "web").status());
        accounts.setPassword(link.token(), "a long enough passphrase");
        assertEquals(SignInResult.Status.SIGNED_IN, accounts.signIn(email, "a long enough passphrase", "10.2.0.1", "web").status(),
                "the holder of the link proved who they are: the lock and the waits are gone");
    }
}
