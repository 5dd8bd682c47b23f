package dev.billfold.polling;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The node's background jobs between start and shutdown (DD-081). Stopped first of all lifecycle beans (the highest
 * phase stops first, before the web server's graceful shutdown): from then on {@link #stopping()} is true, jobs claim
 * nothing new and release what they claimed but did not start, and the stop waits up to {@code wait} for the cycles
 * still running ({@link #run}) to finish what they started.
 */
@Component
public class BackgroundWork implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundWork.class);

    private final Duration wait;
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean started;
    private volatile boolean stopping;

    public BackgroundWork(@Value("${billfold.shutdown.background-wait:20s}") Duration wait) {
        this.wait = wait;
    }

    /** True once shutdown began: claim nothing more, release what is claimed and not started. */
    public boolean stopping() {
        return stopping;
    }

    /** Runs one cycle of a job, which shutdown waits for; skipped (null) once shutdown began. */
    public <T> T run(Supplier<T> cycle) {
        if (stopping) {
            return null;
        }
        running.incrementAndGet();
        try {
            return cycle.get();
        } finally {
            synchronized (running) {
                running.decrementAndGet();
                running.notifyAll();
            }
        }
    }

    /**
     * Also a restart after a stop: Spring's test context cache pauses an idle context (stops its lifecycle beans) and
     * starts it again when a test uses it, and a stopped node must then claim work again.
     */
    @Override
    public void start() {
        stopping = false;
        started = true;
    }

    @Override
    public void stop() {
        stopping = true;
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (running) {
            while (running.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    log.warn("Shutdown: {} background cycles still running after {}; HeldClaims gives back their "
                            + "claims, poller rows stay leased",
                            running.get(), wait);
                    break;
                }
                try {
                    running.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        started = false;
        log.info("Shutdown: background jobs stopped claiming and released their unstarted claims");
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /** Highest phase: stops before the web server's graceful shutdown and before the schedulers and pools. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
