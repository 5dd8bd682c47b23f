package dev.billfold.bench;

import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.http.HttpDsl.http;

import dev.billfold.bench.UidlProtocol.Interaction;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The round-trip load of issue 3 in Gatling's Java DSL: {@code bench.sessions} virtual users, ramped in over
 * {@code bench.rampSeconds}, each runs the {@link TopUpJourney} (sign in, open the top-up view, one action every
 * {@code bench.thinkMillis} ±50%) until the measured window ends.
 *
 * <p>Requests that start before {@code bench.windowStartMillis} are named "ramp-up: …" in Gatling's report and left
 * out of {@link #RESULTS}, which {@code RoundTripBenchmark} prints; the HTML report of every run is kept under
 * {@code target/gatling}. Gatling runs in the benchmark's JVM, so its CPU is the "driver CPU" there.
 */
public class TopUpInteractionsSimulation extends Simulation {

    /** Response times (ms) and failures of the actions that started inside the measured window, per interaction. */
    static final Results RESULTS = new Results();

    private final String baseUrl = System.getProperty("bench.baseUrl");
    private final int sessions = Integer.getInteger("bench.sessions", 200);
    private final int rampSeconds = Integer.getInteger("bench.rampSeconds", 20);
    private final int thinkMillis = Integer.getInteger("bench.thinkMillis", 5000);
    private final int historyRows = Integer.getInteger("bench.historyRows", 500);
    private final long windowStart = Long.getLong("bench.windowStartMillis", 0L);
    private final long windowEnd = Long.getLong("bench.windowEndMillis", Long.MAX_VALUE);

    {
        HttpProtocolBuilder protocol = http.baseUrl(baseUrl)
                .disableFollowRedirect()
                .disableWarmUp()
                .acceptHeader("*/*")
                .userAgentHeader("Billfold round-trip benchmark (Gatling)");

        TopUpJourney.Recorder window = new TopUpJourney.Recorder() {
            @Override
            public boolean running(long now) {
                return now < windowEnd;
            }

            @Override
            public boolean measures(long now) {
                return now >= windowStart;
            }

            @Override
            public void signInFailed(long at) {
                RESULTS.signInErrors.incrementAndGet();
                RESULTS.note("sign-in failed");
            }

            @Override
            public void openFailed(long at) {
                // not counted here: the user leaves (first UI) or its next action fails (a new UI after a failure)
            }

            @Override
            public void actionDone(Interaction action, long startedAt, boolean measured, @Nullable Integer millis) {
                if (!measured) {
                    return;
                }
                if (millis == null) {
                    RESULTS.errors.get(action).incrementAndGet();
                    RESULTS.note(action.label + " failed");
                } else {
                    RESULTS.millis.get(action).add(millis);
                }
            }
        };

        setUp(new TopUpJourney(window, thinkMillis, historyRows, null, null).customers("top-up interactions")
                .injectOpen(rampUsers(sessions).during(Duration.ofSeconds(rampSeconds))))
                .protocols(protocol)
                .maxDuration(Duration.ofMillis(Math.max(60_000, windowEnd - System.currentTimeMillis() + 4L * thinkMillis)));
    }

    /** What the benchmark reads after a run; cleared before each. */
    static final class Results {
        final Map<Interaction, List<Integer>> millis = new EnumMap<>(Interaction.class);
        final Map<Interaction, AtomicInteger> errors = new EnumMap<>(Interaction.class);
        final AtomicInteger signInErrors = new AtomicInteger();
        final ConcurrentLinkedQueue<String> sampleErrors = new ConcurrentLinkedQueue<>();

        Results() {
            clear();
        }

        void clear() {
            for (Interaction i : Interaction.values()) {
                millis.put(i, Collections.synchronizedList(new ArrayList<>()));
                errors.put(i, new AtomicInteger());
            }
            signInErrors.set(0);
            sampleErrors.clear();
        }

        void note(String error) {
            if (sampleErrors.size() < 10) {
                sampleErrors.add(error);
            }
        }
    }
}
