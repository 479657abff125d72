package org.everyoneserves.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Local passwords switched off leave only the named break-glass admins able to sign in with one. */
class CompanySignInSettingsTest {

    private final CompanySignInSettings settings = new CompanySignInSettings();

    @AfterEach
    void clear() {
        System.clearProperty("app.local.passwords");
        System.clearProperty("app.break.glass");
    }

    @Test
    void passwordsWorkForEveryoneUntilSwitchedOff() {
        assertTrue(settings.passwordAllowed("noah.fischer@brightwater.example"));
        System.setProperty("app.local.passwords", "off");
        System.setProperty("app.break.glass", " alex.morgan@brightwater.example , ops@brightwater.example");
        assertFalse(settings.passwordAllowed("noah.fischer@brightwater.example"));
        assertTrue(settings.passwordAllowed("Alex.Morgan@Brightwater.example "));
        assertTrue(settings.passwordAllowed("ops@brightwater.example"));
        assertFalse(settings.passwordAllowed(null));
    }
}
