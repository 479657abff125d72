package org.everyoneserves.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets, one per key (a device's sign-in, or an address for calls without a token): a key may spend
 * {@code burst} requests at once and gets {@code perMinute} back each minute. Held in this server's memory, so with
 * several servers each counts on its own, and no statement goes to the database. Buckets that have filled up again
 * are dropped once there are many, so the map stays small.
 */
final class RateLimits {

    static final int SWEEP_ABOVE = 10_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int burst;
    private final double perNano;
    private final LongSupplier nanos;

    RateLimits(int burst, int perMinute, LongSupplier nanos) {
        this.burst = Math.max(1, burst);
        this.perNano = Math.max(1, perMinute) / 60e9;
        this.nanos = nanos;
    }

    /** Spends one request of the key: 0 when it may go ahead, else the whole seconds until it may. */
    long spend(String key) {
        long now = nanos.getAsLong();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(b -> b.fullAt(now, burst, perNano));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(burst, now)).spend(now, burst, perNano);
    }

    private static final class Bucket {

        private double tokens;
        private long at;

        Bucket(int burst, long now) {
            this.tokens = burst;
            this.at = now;
        }

        synchronized long spend(long now, int burst, double perNano) {
            tokens = Math.min(burst, tokens + (now - at) * perNano);
            at = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
        }

        synchronized boolean fullAt(long now, int burst, double perNano) {
            return tokens + (now - at) * perNano >= burst;
        }
    }
}
