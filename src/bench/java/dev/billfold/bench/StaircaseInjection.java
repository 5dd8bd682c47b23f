package dev.billfold.bench;

import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Staircase} as Gatling's open injection: per step, its new sessions over the ramp, then none until the next.
 * With the population and the HTTP protocol both capacity simulations run with.
 */
final class StaircaseInjection {

    private StaircaseInjection() {
    }

    static List<OpenInjectionStep> of(Staircase stairs) {
        List<OpenInjectionStep> steps = new ArrayList<>();
        for (int i = 0; i < stairs.steps; i++) {
            steps.add(rampUsers(stairs.stepSessions).during(stairs.ramp));
            steps.add(nothingFor(stairs.settle.plus(stairs.window)));
        }
        return steps;
    }

    /** The scenario injected in the staircase's steps; the first session to end after it has stopped stops the run. */
    static PopulationBuilder population(ScenarioBuilder scenario, Staircase stairs) {
        return scenario
                .exec(stopLoadGeneratorIf(session -> "stopped: " + stairs.stopReason(), session -> stairs.stopped()))
                .injectOpen(of(stairs));
    }

    /** The HTTP protocol of a capacity run against the server at {@code baseUrl}. */
    static HttpProtocolBuilder protocol(String baseUrl) {
        return http.baseUrl(baseUrl)
                .disableFollowRedirect()
                .disableWarmUp()
                .acceptHeader("*/*")
                .userAgentHeader("Billfold capacity benchmark (Gatling)");
    }
}
