package org.everyoneserves.testing;

import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What a test sees once a change made past the server has reached it. Each server keeps its API callers in memory and
 * reads which of them changed every tenth of a second ({@code security.AccessCache}): a change made through another
 * server (or the tests' own deployment of the application, or SQL) counts there within that. Asks again every 20 ms,
 * for at most 5 s, and gives the last answer, for the test to assert on.
 */
public final class Eventually {

    private Eventually() {
    }

    public static <T> T seen(Supplier<T> ask, Predicate<T> expected) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        T answer = ask.get();
        while (!expected.test(answer) && System.nanoTime() < until) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            answer = ask.get();
        }
        return answer;
    }
}
