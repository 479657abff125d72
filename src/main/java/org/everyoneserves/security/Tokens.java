package org.everyoneserves.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.everyoneserves.platform.Hashes;

/** Random bearer secrets and the SHA-256 under which they are stored. */
final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String token) {
        return Hashes.sha256(token);
    }
}
