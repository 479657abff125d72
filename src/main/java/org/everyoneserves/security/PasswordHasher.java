package org.everyoneserves.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * PBKDF2-HMAC-SHA256 at 600,000 iterations (about 140 ms a check here). At most as many checks run at once as there
 * are processors, so a flood of sign-ins queues instead of starving every other request.
 */
@ApplicationScoped
public class PasswordHasher {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    private final Semaphore permits = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);
    private String dummyHash;

    @PostConstruct
    void init() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "600000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        dummyHash = pbkdf2.generate("not a password anyone has".toCharArray());
    }

    public String hash(String password) {
        return guarded(() -> pbkdf2.generate(password.toCharArray()));
    }

    public boolean verify(String password, String hash) {
        return guarded(() -> pbkdf2.verify(password.toCharArray(), hash));
    }

    /** Spends the same time as a real check, so a missing account cannot be told from a wrong password. */
    public void verifyNothing(String password) {
        guarded(() -> pbkdf2.verify(password.toCharArray(), dummyHash));
    }

    private <T> T guarded(java.util.function.Supplier<T> work) {
        permits.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
