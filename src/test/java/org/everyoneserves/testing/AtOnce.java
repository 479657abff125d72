package org.everyoneserves.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs a task {@link #TIMES} times at the same moment (threads wait on a latch, then go together): races on purpose. */
public final class AtOnce {

    public static final int TIMES = 12;

    private AtOnce() {
    }

    /** The tasks' results, in the order they were started. */
    public static <T> List<T> run(Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(TIMES);
        try {
            CountDownLatch ready = new CountDownLatch(TIMES);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < TIMES; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            if (!ready.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the threads did not start");
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(5, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
