package org.everyoneserves.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.testing.Deployments;
import org.everyoneserves.testing.Eventually;
import org.everyoneserves.testing.People;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Deactivating a person or changing their password signs every device out at once; devices are their owner's only. */
@ExtendWith(ArquillianExtension.class)
class TokenServiceIT {

    static final String PASSWORD = "a long enough passphrase";

    @Deployment
    static WebArchive deployment() {
        return Deployments.application(TokenServiceIT.class, People.class, Eventually.class);
    }

    @Inject
    PersonService personService;

    @Inject
    Clock clock;

    @Inject
    AccountService accounts;

    @Inject
    TokenService tokens;

    @Inject
    PasswordHasher hasher;

    @Resource(lookup = "java:jboss/datasources/EveryoneServesDS")
    DataSource dataSource;

    long person(People people, String name) {
        long id = people.create(name, null);
        accounts.storePasswordHash(id, hasher.hash(PASSWORD));
        return id;
    }

    @Test
    void deactivationRevokesEveryDeviceAtOnce() {
        People people = new People(personService);
        long leaver = person(people, "leaver");
        TokenService.Issued phone = tokens.signIn(people.email("leaver"), PASSWORD, "Phone", "10.0.0.1");
        TokenService.Issued tablet = tokens.signIn(people.email("leaver"), PASSWORD, "Tablet", "10.0.0.1");
        assertNotNull(tokens.authenticate(phone.accessToken(), "10.0.0.1").bearer());
        assertEquals(2, tokens.devices(People.learner(leaver)).size());

        personService.deactivate(Caller.SYSTEM, leaver);

        assertEquals(TokenService.Rejection.INVALID, tokens.authenticate(phone.accessToken(), "10.0.0.1").rejection());
        assertEquals(TokenService.Rejection.INVALID, tokens.authenticate(tablet.accessToken(), "10.0.0.1").rejection());
        assertEquals("auth.error.refreshInvalid", assertThrows(BusinessException.class,
                () -> tokens.refresh(tablet.refreshToken(), "retry-key-1", "10.0.0.1")).code());
        assertTrue(tokens.devices(People.learner(leaver)).isEmpty());
    }

    @Test
    void aNewPasswordSignsTheAppOutAndDevicesAreTheOwnersOnly() {
        People people = new People(personService);
        long owner = person(people, "owner");
        long other = person(people, "other");
        TokenService.Issued phone = tokens.signIn(people.email("owner"), PASSWORD, "Phone", "10.0.0.1");
        assertEquals("error.notFound", assertThrows(BusinessException.class,
                () -> tokens.revoke(People.learner(other), phone.sessionId())).code(), "someone else's device does not exist for them");
        assertNotNull(tokens.authenticate(phone.accessToken(), "10.0.0.1").bearer());

        accounts.changePassword(People.learner(owner), PASSWORD, "another long passphrase", "10.0.0.1");

        assertEquals(TokenService.Rejection.INVALID, tokens.authenticate(phone.accessToken(), "10.0.0.1").rejection());
    }

    @Test
    void theDailyRunForgetsExpiredAndLongSpentTokensButKeepsTheSignIn() {
        People people = new People(personService);
        person(people, "sleeper");
        TokenService.Issued phone = tokens.signIn(people.email("sleeper"), PASSWORD, "Phone", "10.0.0.1");
        java.time.Instant later = clock.instant().plus(java.time.Duration.ofDays(2));
        tokens.purge(new org.everyoneserves.platform.Tick(java.time.LocalDate.now(clock).plusDays(2), later));
        assertEquals(TokenService.Rejection.INVALID, tokens.authenticate(phone.accessToken(), "10.0.0.1").rejection(),
                "the expired access token is gone");
        TokenService.Issued refreshed = tokens.refresh(phone.refreshToken(), "purge-test-key", "10.0.0.1");
        assertNotNull(refreshed.accessToken(), "the refresh token still works");

        tokens.purge(new org.everyoneserves.platform.Tick(java.time.LocalDate.now(clock).plusDays(8),
                clock.instant().plus(java.time.Duration.ofDays(8))));
        assertEquals("auth.error.refreshInvalid", assertThrows(BusinessException.class,
                () -> tokens.refresh(phone.refreshToken(), "another-purge-key", "10.0.0.1")).code(),
                "a refresh token spent over a week ago is forgotten: refused as unknown");
        assertNotNull(tokens.refresh(refreshed.refreshToken(), "third-purge-key", "10.0.0.1").accessToken(),
                "and the device stays signed in");
    }

    /**
     * What a server keeps of a caller in memory follows the database: a change written by another server (here a
     * statement past this server's persistence unit, which it cannot have seen) counts here within a poll.
     */
    @Test
    void whatAnotherServerChangesCountsHereWithinAPoll() throws Exception {
        People people = new People(personService);
        long roamer = person(people, "roamer");
        TokenService.Issued phone = tokens.signIn(people.email("roamer"), PASSWORD, "Phone", "10.0.0.1");
        TokenService.Bearer first = tokens.authenticate(phone.accessToken(), "10.0.0.1").bearer();
        assertEquals(first, tokens.authenticate(phone.accessToken(), "10.0.0.1").bearer());
        assertTrue(!first.groups().contains(Roles.MANAGER));

        long report = people.create("report", null);
        elsewhere("update person set manager_id = ? where id = ?", roamer, report);
        assertTrue(eventually(phone, check -> check.bearer() != null && check.bearer().groups().contains(Roles.MANAGER)),
                "a report given to them elsewhere makes them a manager here");

        String notifications = tokens.authenticate(phone.accessToken(), "10.0.0.1").bearer().stamps().notifications();
        elsewhere("update change_stamp set notifications = notifications + 1 where person_id = ? and 0 = ?", roamer, 0);
        assertTrue(eventually(phone, check -> !check.bearer().stamps().notifications().equals(notifications)),
                "a notification written elsewhere changes the tag of their notifications here");

        elsewhere("update api_session set revoked_at = now(3), revoked_reason = 'REVOKED' where id = ? and 0 = ?", phone.sessionId(), 0);
        assertTrue(eventually(phone, check -> check.rejection() == TokenService.Rejection.INVALID),
                "a device signed out elsewhere is refused here");
    }

    private void elsewhere(String sql, long first, long second) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, first);
            statement.setLong(2, second);
            assertEquals(1, statement.executeUpdate(), sql);
        }
    }

    /** Whether the token's check comes to pass within a few seconds (a poll is a tenth of a second). */
    private boolean eventually(TokenService.Issued device, Predicate<TokenService.Check> expected) {
        return expected.test(Eventually.seen(() -> tokens.authenticate(device.accessToken(), "10.0.0.1"), expected));
    }
}
