package dev.billfold.polling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs background work per provider, each provider on its own thread, so that one provider's outage (calls that time
 * out) never stalls another provider's work. A lane whose previous run is still going is skipped, not doubled.
 */
@Component
public class ProviderLanes implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProviderLanes.class);

    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("provider-lane-", 0).factory());
    private final Map<String, Boolean> running = new ConcurrentHashMap<>();

    /**
     * Runs {@code work} once for each lane ("job:provider") and waits at most {@code wait} for all of them. Returns
     * what each finished lane reported (items done); a lane that did not finish in time keeps running on its own and
     * is left out.
     */
    public Map<String, Integer> run(Collection<String> lanes, ToIntFunction<String> work, Duration wait) {
        Map<String, Future<Integer>> started = new LinkedHashMap<>();
        for (String lane : lanes) {
            if (running.putIfAbsent(lane, Boolean.TRUE) != null) {
                log.warn("Lane {} is still busy from an earlier cycle; skipped this time", lane);
                continue;
            }
            try {
                started.put(lane, threads.submit(() -> {
                    try {
                        return work.applyAsInt(lane);
                    } finally {
                        running.remove(lane);
                    }
                }));
            } catch (RuntimeException rejected) {
                running.remove(lane);
                throw rejected;
            }
        }
        long deadline = System.nanoTime() + wait.toNanos();
        Map<String, Integer> done = new LinkedHashMap<>();
        List<String> late = new ArrayList<>();
        for (var entry : started.entrySet()) {
            try {
                done.put(entry.getKey(),
                        entry.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException slow) {
                late.add(entry.getKey());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return done;
            } catch (ExecutionException failed) {
                log.error("Lane {} failed; its items are due again when their lease ends", entry.getKey(),
                        failed.getCause());
            }
        }
        if (!late.isEmpty()) {
            log.warn("Lanes {} did not finish within {}; they go on by themselves", late, wait);
        }
        return done;
    }

    @Override
    public void destroy() {
        threads.shutdownNow();
    }
}
