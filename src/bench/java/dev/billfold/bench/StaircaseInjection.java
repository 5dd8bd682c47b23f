package dev.billfold.bench;

import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;

import io.gatling.javaapi.core.OpenInjectionStep;
import java.util.ArrayList;
import java.util.List;

/** A {@link Staircase} as Gatling's open injection: per step, its new sessions over the ramp, then none until the next. */
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
}
