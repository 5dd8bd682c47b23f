package dev.billfold;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Races for the contract tests: N tasks released at the same instant, each on its own thread signed in as a user. */
public final class AtOnce {

    private AtOnce() {
    }

    public interface Task<T> {
        T run(int index) throws Exception;
    }

    /** Runs {@code threads} tasks at once, each signed in as {@code username}; their results in task order. */
    public static <T> List<T> signedIn(String username, int threads, Task<T> task) throws Exception {
        return run(threads, index -> {
            TestData.signIn(username);
            try {
                return task.run(index);
            } finally {
                TestData.signOut();
            }
        });
    }

    /** Runs {@code threads} tasks at once, released by one latch; their results in task order. */
    public static <T> List<T> run(int threads, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.run(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
