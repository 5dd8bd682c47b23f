package dev.billfold.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load of one capacity run: steps of {@code stepSessions} new sessions each, up to {@code maxSessions}, every
 * earlier session going on. Step k (from 0) lasts {@code ramp + settle + window}: its new sessions arrive evenly over
 * the ramp, the settle lets the last of them open their UI, and only actions that start inside the window count for
 * its percentiles. Any error from the step's start to the end of its window counts against it: a failed sign-in, a UI
 * that does not open, a failed action or heartbeat, a request over the timeout.
 *
 * <p>The simulations record into it from Gatling's threads; {@link CapacityKneeBenchmark} reads a step after its
 * window has closed and every request started in it has had {@code requestTimeout} to finish, and stops the run with
 * {@link #stop(String)} when a step breaks. Times are epoch milliseconds; the clock starts when Gatling starts
 * injecting ({@link #start()}).
 */
final class Staircase {

    final int stepSessions;
    final int steps;
    final Duration ramp;
    final Duration settle;
    final Duration window;
    final Duration requestTimeout;
    /** How often a session sends Vaadin's heartbeat; without it Flow closes a UI after three missed beats. */
    final Duration heartbeat;
    final int thinkMillis;

    private final Step[] recorded;
    private volatile long startMillis = -1;
    private volatile String stopReason;

    Staircase(int stepSessions, int maxSessions, Duration ramp, Duration settle, Duration window, Duration requestTimeout,
              Duration heartbeat, int thinkMillis) {
        if (stepSessions <= 0 || maxSessions < stepSessions) {
            throw new IllegalArgumentException("step " + stepSessions + " and maximum " + maxSessions + " sessions");
        }
        this.stepSessions = stepSessions;
        this.steps = maxSessions / stepSessions;
        this.ramp = ramp;
        this.settle = settle;
        this.window = window;
        this.requestTimeout = requestTimeout;
        this.heartbeat = heartbeat;
        this.thinkMillis = thinkMillis;
        this.recorded = new Step[steps];
        for (int i = 0; i < steps; i++) {
            recorded[i] = new Step();
        }
    }

    // ---- the clock -------------------------------------------------------------------------------------------------

    /** Called by the simulation's {@code before()}, just before Gatling injects the first user. */
    void start() {
        startMillis = System.currentTimeMillis();
    }

    boolean started() {
        return startMillis >= 0;
    }

    long stepMillis() {
        return ramp.plus(settle).plus(window).toMillis();
    }

    long stepStart(int step) {
        return startMillis + step * stepMillis();
    }

    long windowStart(int step) {
        return stepStart(step) + ramp.plus(settle).toMillis();
    }

    long windowEnd(int step) {
        return windowStart(step) + window.toMillis();
    }

    /** When the whole staircase would end if no step broke. */
    long end() {
        return stepStart(steps);
    }

    /** The longest a Gatling run of this staircase may take, for its maxDuration. */
    Duration maxDuration() {
        return Duration.ofMillis(steps * stepMillis()).plus(requestTimeout).plus(Duration.ofMillis(4L * thinkMillis));
    }

    int sessions(int step) {
        return (step + 1) * stepSessions;
    }

    // ---- while it runs ---------------------------------------------------------------------------------------------

    /** Whether sessions go on: no step has broken and the last window has not ended. */
    boolean running(long now) {
        return stopReason == null && now < end();
    }

    void stop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
    }

    String stopReason() {
        return stopReason;
    }

    boolean stopped() {
        return stopReason != null;
    }

    /** Whether an action that starts at {@code at} counts for its step's percentiles. */
    boolean measures(long at) {
        int step = stepAt(at);
        return step >= 0 && at >= windowStart(step) && at < windowEnd(step);
    }

    /** An action that succeeded; it counts if it started inside its step's window. */
    void succeeded(String action, long startedAt, int millis) {
        if (measures(startedAt)) {
            recorded[stepAt(startedAt)].add(action, millis);
        }
    }

    /** Anything that failed: it counts against the step it started in, window or not. */
    void failed(String what, long startedAt) {
        int step = stepAt(startedAt);
        if (step >= 0) {
            recorded[step].fail(what, measures(startedAt));
        }
    }

    private int stepAt(long at) {
        if (startMillis < 0 || at < startMillis || at >= end()) {
            return -1;
        }
        return (int) ((at - startMillis) / stepMillis());
    }

    Step step(int step) {
        return recorded[step];
    }

    /** What one step recorded: response times of the measured actions by action, and the errors. */
    static final class Step {
        private final Map<String, List<Integer>> millis = Collections.synchronizedMap(new LinkedHashMap<>());
        final AtomicInteger errorsInWindow = new AtomicInteger();
        final AtomicInteger errorsOutsideWindow = new AtomicInteger();
        final ConcurrentLinkedQueue<String> sampleErrors = new ConcurrentLinkedQueue<>();

        private void add(String action, int took) {
            List<Integer> list = millis.computeIfAbsent(action, a -> Collections.synchronizedList(new ArrayList<>()));
            list.add(took);
        }

        private void fail(String what, boolean inWindow) {
            (inWindow ? errorsInWindow : errorsOutsideWindow).incrementAndGet();
            if (sampleErrors.size() < 10) {
                sampleErrors.add(what + (inWindow ? "" : " (ramp/settle)"));
            }
        }

        int errors() {
            return errorsInWindow.get() + errorsOutsideWindow.get();
        }

        /** A copy of the response times by action, each sorted. */
        Map<String, List<Integer>> millisByAction() {
            Map<String, List<Integer>> copy = new LinkedHashMap<>();
            synchronized (millis) {
                millis.forEach((action, list) -> {
                    List<Integer> sorted;
                    synchronized (list) {
                        sorted = new ArrayList<>(list);
                    }
                    sorted.sort(null);
                    copy.put(action, sorted);
                });
            }
            return copy;
        }
    }
}
