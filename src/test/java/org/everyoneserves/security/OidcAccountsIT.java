package org.everyoneserves.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.testing.Deployments;
import org.everyoneserves.testing.People;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who an account at the company's provider is here: linked once by a verified e-mail, then found by its subject even
 * after the e-mail changes; refused when unverified, unknown (unless people are created at first sign-in), linked to
 * someone else, or deactivated; provider groups named as admin groups make an admin. With local passwords off, only
 * the break-glass admins sign in with a password.
 */
@ExtendWith(ArquillianExtension.class)
class OidcAccountsIT {

    private static final String ISSUER = "https://login.example.com/" + UUID.randomUUID();

    @Deployment
    static WebArchive deployment() {
        return Deployments.application(OidcAccountsIT.class, People.class);
    }

    @Inject
    OidcAccounts accounts;

    @Inject
    PersonService personService;

    @Inject
    AccountService accountService;

    @Inject
    PasswordHasher hasher;

    @Test
    void aVerifiedEmailLinksOnceAndTheSubjectFindsThePersonAfterwards() {
        People people = new People(personService);
        long person = people.create("linked", null);
        String email = people.email("linked");
        assertEquals(OidcRefusal.Reason.UNVERIFIED_EMAIL, refusal(identity("sub-1", email, false)));

        OidcAccounts.SignedIn first = accounts.resolve(identity("sub-1", email, true));
        assertEquals(person, first.personId());
        assertEquals(java.util.Set.of(Roles.LEARNER), first.groups());
        assertEquals(person, accounts.resolve(identity("sub-1", "changed-" + email, false)).personId(), "found by subject");
        assertEquals(OidcRefusal.Reason.LINKED_ELSEWHERE, refusal(identity("sub-2", email, true)));

        personService.deactivate(Caller.SYSTEM, person);
        assertEquals(OidcRefusal.Reason.INACTIVE, refusal(identity("sub-1", email, true)));
    }

    @Test
    void anUnknownPersonIsRefusedOrCreatedWhenTheAdminAllowsIt() {
        String email = "new." + UUID.randomUUID().toString().substring(0, 8) + "@brightwater.example";
        assertEquals(OidcRefusal.Reason.UNKNOWN_PERSON, refusal(identity("sub-new-" + email, email, true)));
        System.setProperty("app.oidc.create.people", "true");
        try {
            long created = accounts.resolve(identity("sub-new-" + email, email, true)).personId();
            assertEquals("Jo Newcomer", personService.find(created).orElseThrow().displayName());
            assertEquals(created, accounts.resolve(identity("sub-new-" + email, email, true)).personId(), "created once");
        } finally {
            System.clearProperty("app.oidc.create.people");
        }
    }

    @Test
    void membersOfANamedProviderGroupAreAdmins() {
        People people = new People(personService);
        people.create("groupAdmin", null);
        String email = people.email("groupAdmin");
        System.setProperty("app.oidc.admin.groups", "it-admins, training-admins");
        try {
            assertTrue(accounts.resolve(new OidcAccounts.Identity(ISSUER, "sub-ga-" + email, email, true, "G", "A", List.of("training-admins")))
                    .groups().contains(Roles.ADMIN));
            assertEquals(java.util.Set.of(Roles.LEARNER),
                    accounts.resolve(new OidcAccounts.Identity(ISSUER, "sub-ga-" + email, email, true, "G", "A", List.of("sales"))).groups());
        } finally {
            System.clearProperty("app.oidc.admin.groups");
        }
    }

    @Test
    void withLocalPasswordsOffOnlyTheBreakGlassAdminsSignInWithAPassword() {
        People people = new People(personService);
        long admin = people.create("breakGlass", null);
        long learner = people.create("passwordless", null);
        accountService.storePasswordHash(admin, hasher.hash("a long enough passphrase"));
        accountService.storePasswordHash(learner, hasher.hash("a long enough passphrase"));
        System.setProperty("app.local.passwords", "off");
        System.setProperty("app.break.glass", people.email("breakGlass"));
        try {
            assertEquals(SignInResult.Status.SIGNED_IN, accountService.signIn(people.email("breakGlass"), "a long enough passphrase", "10.9.0.1", "web").status());
            assertEquals(SignInResult.Status.INVALID, accountService.signIn(people.email("passwordless"), "a long enough passphrase", "10.9.0.1", "web").status());
        } finally {
            System.clearProperty("app.local.passwords");
            System.clearProperty("app.break.glass");
        }
        assertEquals(SignInResult.Status.SIGNED_IN, accountService.signIn(people.email("passwordless"), "a long enough passphrase", "10.9.0.1", "web").status());
    }

    private OidcRefusal.Reason refusal(OidcAccounts.Identity identity) {
        return assertThrows(OidcRefusal.class, () -> accounts.resolve(identity)).reason();
    }

    private static OidcAccounts.Identity identity(String subject, String email, boolean verified) {
        return new OidcAccounts.Identity(ISSUER, subject, email, verified, "Jo", "Newcomer", List.of());
    }
}
