package org.everyoneserves.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.everyoneserves.platform.BusinessException;
import org.junit.jupiter.api.Test;

class PasswordLinkTest {

    static final Instant MADE = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void aLinkWorksOnceBeforeItExpires() {
        PasswordLink link = new PasswordLink("hash", 7, PasswordLink.Purpose.RESET, MADE, MADE.plus(Duration.ofHours(1)));
        assertTrue(link.usableAt(MADE.plus(Duration.ofMinutes(59))));
        assertFalse(link.usableAt(MADE.plus(Duration.ofHours(1))), "expired at the hour");
        link.use(MADE.plus(Duration.ofMinutes(5)));
        assertEquals("password.error.linkUnusable",
                assertThrows(BusinessException.class, () -> link.use(MADE.plus(Duration.ofMinutes(6)))).code());
    }

    @Test
    void anExpiredLinkCannotBeUsed() {
        PasswordLink link = new PasswordLink("hash", 7, PasswordLink.Purpose.SET, MADE, MADE.plus(Duration.ofDays(7)));
        assertThrows(BusinessException.class, () -> link.use(MADE.plus(Duration.ofDays(8))));
    }
}
