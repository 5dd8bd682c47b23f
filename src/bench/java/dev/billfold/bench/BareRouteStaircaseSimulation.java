package dev.billfold.bench;

import static dev.billfold.bench.UidlChains.protocol;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The bare route's side of the capacity run, in the same {@link Staircase} and with the same think time, timeout and
 * heartbeat as {@link TopUpStaircaseSimulation}: each session opens a UI on {@code bare.BareView} (index.html, the init
 * request, the first navigation) and then clicks its one button, whose answer must carry the new text
 * ("Clicked n times"). No sign-in: the bare app has no security. After a failed click the session opens a new UI.
 */
public class BareRouteStaircaseSimulation extends Simulation {

    static final String ACTION = "click button";

    /** The staircase and the server of the next run, set by the benchmark. */
    static volatile @Nullable Run RUN;

    record Run(Staircase staircase, String baseUrl) {
    }

    private static final String PROTOCOL = UidlChains.PROTOCOL;
    private static final String CLICKS = "clicks";
    private static final String STARTED = UidlChains.STARTED;

    private final Staircase staircase;
    private final UidlChains chains;

    public BareRouteStaircaseSimulation() {
        Run run = java.util.Objects.requireNonNull(RUN, "CapacityKneeBenchmark sets the run");
        this.staircase = run.staircase();
        this.chains = new UidlChains(staircase.requestTimeout);
        Staircase stairs = staircase;
        int think = stairs.thinkMillis;
        ScenarioBuilder sessions = scenario("bare route, capacity steps")
                .exec(session -> session.set(PROTOCOL, new UidlProtocol(0)).set(CLICKS, 0))
                .exec(openUi())
                .exitHereIfFailed()
                .asLongAs(session -> stairs.running(System.currentTimeMillis())).on(
                        pause(Duration.ofMillis(think / 2), Duration.ofMillis(think * 3L / 2)),
                        heartbeatIfDue(),
                        doIf(session -> stairs.running(System.currentTimeMillis())).then(click()));
        setUp(StaircaseInjection.population(sessions, stairs))
                .protocols(StaircaseInjection.protocol(run.baseUrl()))
                .maxDuration(stairs.maxDuration());
    }

    @Override
    public void before() {
        staircase.start();
    }

    private ChainBuilder openUi() {
        return chains.openUi("the bare view", "bare-button", at -> staircase.failed("bare view did not open", at));
    }

    private ChainBuilder heartbeatIfDue() {
        return chains.heartbeatIfDue(staircase.heartbeat, at -> staircase.failed("heartbeat failed", at));
    }

    /** The button, timed; its answer must carry the new count. After a failure, a new UI. */
    private ChainBuilder click() {
        return exec(session -> {
                    long now = System.currentTimeMillis();
                    int clicks = session.getInt(CLICKS) + 1;
                    return session.set(STARTED, now).set(CLICKS, clicks)
                            .set("label", (staircase.measures(now) ? "" : "ramp-up: ") + ACTION)
                            .set("body", protocol(session).click("bare-button", "\"Clicked " + clicks + " times\"", ACTION));
                })
                .exec(timed(http("#{label}").post(session -> protocol(session).uidlPath())
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .body(StringBody("#{body}"))
                        .check(responseTimeInMillis().saveAs("took"), status().is(200),
                                bodyString().validate("the new count", (body, session) -> {
                                    protocol(session).accept(body);
                                    return body;
                                }))))
                .exec(session -> {
                    if (session.isFailed()) {
                        staircase.failed(ACTION + " failed", session.getLong(STARTED));
                    } else {
                        staircase.succeeded(ACTION, session.getLong(STARTED), session.getInt("took"));
                    }
                    return session;
                })
                .doIf(Session::isFailed).then(exec(session -> session.markAsSucceeded().set(CLICKS, 0)).exec(openUi()));
    }

    private HttpRequestActionBuilder timed(HttpRequestActionBuilder request) {
        return chains.timed(request);
    }
}
