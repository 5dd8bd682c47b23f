package dev.billfold.bench;

import dev.billfold.bench.UidlProtocol.Interaction;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import org.jspecify.annotations.Nullable;

/**
 * Billfold's side of the capacity run: the {@link TopUpJourney} of the round-trip benchmark (sign in, the top-up view,
 * the five actions in turn), injected in the {@link Staircase}'s steps. Sessions go on until the staircase ends or a
 * step breaks; then the first session to notice stops the run. {@link CapacityKneeBenchmark} sets {@link #RUN} before
 * it starts Gatling.
 */
public class TopUpStaircaseSimulation extends Simulation {

    /** The staircase and the server of the next run, set by the benchmark. */
    static volatile @Nullable Run RUN;

    record Run(Staircase staircase, String baseUrl, int historyRows) {
    }

    private final Staircase staircase;

    public TopUpStaircaseSimulation() {
        Run run = java.util.Objects.requireNonNull(RUN, "CapacityKneeBenchmark sets the run");
        this.staircase = run.staircase();
        Staircase stairs = staircase;
        TopUpJourney.Recorder steps = new TopUpJourney.Recorder() {
            @Override
            public boolean running(long now) {
                return stairs.running(now);
            }

            @Override
            public boolean measures(long now) {
                return stairs.measures(now);
            }

            @Override
            public void signInFailed(long at) {
                stairs.failed("sign-in failed", at);
            }

            @Override
            public void openFailed(long at) {
                stairs.failed("top-up view did not open", at);
            }

            @Override
            public void actionDone(Interaction action, long startedAt, boolean measured, @Nullable Integer millis) {
                if (millis == null) {
                    stairs.failed(action.label + " failed", startedAt);
                } else {
                    stairs.succeeded(action.label, startedAt, millis);
                }
            }

            @Override
            public void heartbeatFailed(long at) {
                stairs.failed("heartbeat failed", at);
            }
        };
        ScenarioBuilder customers = new TopUpJourney(steps, stairs.thinkMillis, run.historyRows(),
                stairs.requestTimeout, stairs.heartbeat).customers("top-up interactions, capacity steps");
        setUp(StaircaseInjection.population(customers, stairs))
                .protocols(StaircaseInjection.protocol(run.baseUrl()))
                .maxDuration(stairs.maxDuration());
    }

    @Override
    public void before() {
        staircase.start();
    }
}
