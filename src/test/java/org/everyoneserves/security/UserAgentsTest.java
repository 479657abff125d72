package org.everyoneserves.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UserAgentsTest {

    @Test
    void browsersAreNamedWithTheirSystemOnly() {
        assertEquals("Firefox · Linux", UserAgents.describe("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"));
        assertEquals("Chrome · Windows", UserAgents.describe(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"));
        assertEquals("Edge · Windows", UserAgents.describe(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0"));
        assertEquals("Safari · iOS", UserAgents.describe(
                "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"));
        assertEquals("Chrome · Android", UserAgents.describe(
                "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"));
        assertEquals("Chrome · Linux", UserAgents.describe(
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36"));
    }

    @Test
    void otherClientsKeepTheirFirstProductOnlyAndNothingIsLong() {
        assertEquals("curl/8.5.0", UserAgents.describe("curl/8.5.0"));
        assertEquals("okhttp/4.12.0", UserAgents.describe("okhttp/4.12.0 (extra details about the device)"));
        assertEquals("other", UserAgents.describe("<script>alert(1)</script>"));
        assertNull(UserAgents.describe(" "));
        assertNull(UserAgents.describe(null));
        assertTrue(UserAgents.describe("x".repeat(500)).length() <= UserAgents.MAXLENGTH);
    }
}
