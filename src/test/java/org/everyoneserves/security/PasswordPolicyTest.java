package org.everyoneserves.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.everyoneserves.platform.BusinessException;
import org.junit.jupiter.api.Test;

/** ASVS V6.2: length, the 10,000 most common passwords, and words of the context. */
class PasswordPolicyTest {

    static final List<String> NOAH = List.of("Brightwater Supplies", "Noah", "Fischer", "noah.fischer@brightwater.example");

    @Test
    void lengthIsTenToOneHundredTwentyEightOfAnyCharacters() {
        assertEquals("password.error.tooShort", refused("nine char"));
        assertEquals("password.error.tooLong", refused("x".repeat(129)));
        assertEquals("password.error.weak", refused(" ".repeat(12)));
        PasswordPolicy.check("ten chars!", NOAH);
        PasswordPolicy.check("Grüße 🌊 aus Köln", NOAH);
    }

    @Test
    void theMostCommonPasswordsOfThatLengthAreRefusedInAnyCase() {
        assertEquals(10_000, PasswordPolicy.commonCount(), "the bundled list, filtered to the length policy");
        assertEquals("password.error.common", refused("password123"));
        assertEquals("password.error.common", refused("1234567890"));
        assertEquals("password.error.common", refused("QWERTYUIOP"));
        assertEquals("password.error.common", refused("iloveyou12"));
        assertTrue(PasswordPolicy.isCommon("1q2w3e4r5t"));
        PasswordPolicy.check("lantern orbit teacup", NOAH);
    }

    @Test
    void theCompanyAndThePersonsNamesAndEmailAreRefused() {
        assertEquals("password.error.context", refused("Brightwater2026!"));
        assertEquals("password.error.context", refused("bright-water supplies"));
        assertEquals("password.error.context", refused("noahnoahnoah"));
        assertEquals("password.error.context", refused("Fischer_1990!"));
        assertEquals("password.error.context", refused("noah.fischer@brightwater.example"));
        assertEquals("password.error.context", refused("everyone serves 2026"), "the product's own name");
        PasswordPolicy.check("Fisch und Chips am Meer", NOAH);
    }

    @Test
    void shortNamesAreNotContextWords() {
        PasswordPolicy.check("a lion in the garden", List.of("", "Li", "Xu", "li.xu@x.example"));
    }

    private static String refused(String password) {
        return assertThrows(BusinessException.class, () -> PasswordPolicy.check(password, NOAH)).code();
    }
}
