package org.everyoneserves.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.testing.Deployments;
import org.everyoneserves.testing.People;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The organisation-wide address counter is an alarm in the security log, never a block: behind a NAT everyone shares it. */
@ExtendWith(ArquillianExtension.class)
class SignInThrottleIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.application(SignInThrottleIT.class, People.class);
    }

    @Inject
    SignInThrottle throttle;

    @Inject
    AccountService accounts;

    @Inject
    PersonService personService;

    @Inject
    PasswordHasher hasher;

    @Test
    void manyFailuresFromOneAddressRaiseOneAlarmAndLockNobodyOut() throws IOException {
        String office = "172.31.7." + (int) (Math.random() * 250);
        for (int i = 0; i < SignInThrottle.ADDRESS_ALARM_AT + 5; i++) {
            throttle.failed("colleague-" + i + "-" + UUID.randomUUID() + "@test.example", office);
        }
        People people = new People(personService);
        long person = people.create("behindthenat", null);
        accounts.storePasswordHash(person, hasher.hash("a long enough passphrase"));
        assertEquals(SignInResult.Status.SIGNED_IN, accounts.signIn(people.email("behindthenat"), "a long enough passphrase", office, "web").status(),
                "a colleague behind the same address signs in");

        String log = Files.readString(Path.of(System.getProperty("jboss.server.log.dir"), "security.log"));
        assertEquals(1, log.lines().filter(l -> l.contains("event=address.alarm address=" + office + " ")).count(), "one alarm per window: " + log);
    }
}
