package org.everyoneserves.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Demo mode cannot take over a real installation by one mistaken variable. */
class AppConfigTest {

    @AfterEach
    void clear() {
        System.clearProperty("everyoneserves.demo");
        System.clearProperty("everyoneserves.db.embedded");
        System.clearProperty("everyoneserves.demo.externalDatabase");
        System.clearProperty("everyoneserves.session.maxHours");
    }

    @Test
    void demoModeAgainstADatabaseThatIsNotTheEmbeddedOneIsRefused() {
        System.setProperty("everyoneserves.demo", "true");
        assertEquals(AppConfig.DEMO_REFUSED, assertThrows(IllegalStateException.class, () -> new AppConfig().demoMode()).getMessage());
    }

    @Test
    void demoModeRunsOnTheEmbeddedDatabaseOrWithTheSecondExplicitSetting() {
        System.setProperty("everyoneserves.demo", "true");
        System.setProperty("everyoneserves.db.embedded", "true");
        assertTrue(new AppConfig().demoMode());
        System.clearProperty("everyoneserves.db.embedded");
        System.setProperty("everyoneserves.demo.externalDatabase", "true");
        assertTrue(new AppConfig().demoMode());
    }

    @Test
    void withoutDemoModeNothingIsRefused() {
        assertFalse(new AppConfig().demoMode());
    }

    @Test
    void aWebSignInLastsTwelveHoursUnlessConfigured() {
        assertEquals(Duration.ofHours(12), new AppConfig().sessionLifetime());
        System.setProperty("everyoneserves.session.maxHours", "8");
        assertEquals(Duration.ofHours(8), new AppConfig().sessionLifetime());
    }
}
