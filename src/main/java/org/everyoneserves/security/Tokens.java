package org.everyoneserves.security;

import org.everyoneserves.platform.Hashes;

/** Random bearer secrets and the SHA-256 under which they are stored. */
final class Tokens {

    private Tokens() {
    }

    static String newToken() {
        return Hashes.newSecret(32);
    }

    static String sha256(String token) {
        return Hashes.sha256(token);
    }
}
