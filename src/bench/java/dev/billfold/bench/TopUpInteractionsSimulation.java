package dev.billfold.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.billfold.bench.UidlProtocol.Interaction;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
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

/**
 * The round-trip load of issue 3 in Gatling's Java DSL: {@code bench.sessions} virtual users, ramped in over
 * {@code bench.rampSeconds}, each signs in through the form, opens a UI on the top-up view, and then, one action every
 * {@code bench.thinkMillis} (±50% uniform), cycles through the {@link Interaction}s until the measured window ends.
 * Each action is one UIDL request built and checked by {@link UidlProtocol} (the response must carry the state change:
 * the amount "100.00", the other payer's methods, the grid, the grid rows); after a failed one the user opens a new
 * UI, as a reload would. The grid's confirmUpdate follows as its own request, outside the actions.
 *
 * <p>Requests that start before {@code bench.windowStartMillis} are named "ramp-up: …" in Gatling's report and left
 * out of {@link #RESULTS}, which {@code RoundTripBenchmark} prints; the HTML report of every run is kept under
 * {@code target/gatling}. Gatling runs in the benchmark's JVM, so its CPU is the "driver CPU" there.
 */
public class TopUpInteractionsSimulation extends Simulation {

    /** Response times (ms) and failures of the actions that started inside the measured window, per interaction. */
    static final Results RESULTS = new Results();

    private static final String PROTOCOL = "uidl";
    private static final String NEXT = "next";
    private static final String ACTION = "action";

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

        ScenarioBuilder customers = scenario("top-up interactions")
                .exec(session -> session.set(PROTOCOL, new UidlProtocol(historyRows)).set(NEXT, 0))
                .exec(signIn())
                .exec(openUi())
                .exitHereIfFailed()
                .asLongAs(session -> System.currentTimeMillis() < windowEnd).on(
                        pause(Duration.ofMillis(thinkMillis / 2), Duration.ofMillis(thinkMillis * 3L / 2)),
                        doIf(session -> System.currentTimeMillis() < windowEnd).then(action()));

        setUp(customers.injectOpen(rampUsers(sessions).during(Duration.ofSeconds(rampSeconds))))
                .protocols(protocol)
                .maxDuration(Duration.ofMillis(Math.max(60_000, windowEnd - System.currentTimeMillis() + 4L * thinkMillis)));
    }

    private ChainBuilder signIn() {
        return exec(http("sign-in: login page").get("/login")
                        .check(status().is(200), regex(UidlClient.META_CSRF.pattern()).saveAs("csrf")))
                .exec(http("sign-in: form").post("/login")
                        .formParam("username", "demo").formParam("password", "demo").formParam("_csrf", "#{csrf}")
                        .check(status().is(302), header("Location").validate("back to the app",
                                (location, session) -> {
                                    if (location.contains("error") || location.endsWith("/login")) {
                                        throw new IllegalStateException("sign-in refused: " + location);
                                    }
                                    return location;
                                })))
                .exec(session -> {
                    if (session.isFailed()) {
                        RESULTS.signInErrors.incrementAndGet();
                        RESULTS.note("sign-in failed");
                    }
                    return session;
                });
    }

    /** index.html, the init request that creates the UI, and the first navigation to the top-up view. */
    private ChainBuilder openUi() {
        return exec(http("open: index").get("/").check(status().is(200)))
                .exec(http("open: init").get(session -> UidlProtocol.initPath(""))
                        .check(status().is(200), bodyString().validate("a new UI", (body, session) -> {
                            protocol(session).init(body);
                            return body;
                        })))
                .exec(session -> session.set("body", protocol(session).firstNavigation("")))
                .exec(http("open: first navigation").post(session -> protocol(session).uidlPath())
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .body(StringBody("#{body}"))
                        .check(status().is(200), bodyString().validate("the top-up view", (body, session) -> {
                            String text = protocol(session).accept(body);
                            if (!text.contains("\"presets\"")) {
                                throw new UidlProtocol.UidlError("the top-up view did not render");
                            }
                            return body;
                        })));
    }

    /** The next interaction of the cycle, timed; then the grid's confirmation, or a new UI after a failure. */
    private ChainBuilder action() {
        return exec(session -> {
                    Interaction next = Interaction.values()[session.getInt(NEXT)];
                    boolean measured = System.currentTimeMillis() >= windowStart;
                    return session.set(ACTION, next).set("measured", measured)
                            .set("label", (measured ? "" : "ramp-up: ") + next.label)
                            .set("body", protocol(session).request(next));
                })
                .exec(http("#{label}").post(session -> protocol(session).uidlPath())
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .body(StringBody("#{body}"))
                        .check(responseTimeInMillis().saveAs("took"), status().is(200),
                                bodyString().validate("the expected state change", (body, session) -> {
                                    protocol(session).accept(body);
                                    return body;
                                })))
                .exec(session -> {
                    Interaction done = session.get(ACTION);
                    if (session.getBoolean("measured")) {
                        if (session.isFailed()) {
                            RESULTS.errors.get(done).incrementAndGet();
                            RESULTS.note(done.label + " failed");
                        } else {
                            RESULTS.millis.get(done).add(session.getInt("took"));
                        }
                    }
                    return session.isFailed() ? session : session.set(NEXT, (done.ordinal() + 1) % Interaction.values().length);
                })
                .doIfOrElse(Session::isFailed).then(
                        exec(session -> session.markAsSucceeded().set(NEXT, 0)).exec(openUi()))
                .orElse(doIf(session -> protocol(session).hasGridUpdateToConfirm()).then(
                        exec(session -> session.set("body", protocol(session).confirmGridUpdate()))
                                .exec(http("grid: confirm update").post(session -> protocol(session).uidlPath())
                                        .header("Content-Type", "application/json; charset=UTF-8")
                                        .body(StringBody("#{body}"))
                                        .check(status().is(200), bodyString().validate("accepted", (body, session) -> {
                                            protocol(session).accept(body);
                                            return body;
                                        })))));
    }

    private static UidlProtocol protocol(Session session) {
        return session.get(PROTOCOL);
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
