package dev.billfold.bench;

import static dev.billfold.bench.UidlChains.protocol;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
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
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One customer of the round-trip benchmarks as a Gatling scenario: sign in through the form, open a UI on the top-up
 * view, then one {@link Interaction} every {@code thinkMillis} (±50% uniform), in turn, while the {@link Recorder}
 * says the run goes on. Each action is one UIDL request built and checked by {@link UidlProtocol} (the response must
 * carry the state change); after a failed one the user opens a new UI, as a reload would. The grid's confirmUpdate
 * follows as its own request, outside the actions. Actions that start while the recorder does not measure are named
 * "ramp-up: …" in Gatling's report.
 *
 * <p>Shared by {@link TopUpInteractionsSimulation} (one level per run) and {@link TopUpStaircaseSimulation} (the
 * capacity steps), which differ only in what they count: the recorder.
 */
final class TopUpJourney {

    /** What a run counts, and until when it runs. Called from Gatling's threads. */
    interface Recorder {
        boolean running(long now);

        boolean measures(long now);

        void signInFailed(long at);

        /** A UI that did not open (the first one, or the new one after a failed action). */
        void openFailed(long at);

        /** An action that started at {@code startedAt}; {@code millis} is null when it failed. */
        void actionDone(Interaction action, long startedAt, boolean measured, @Nullable Integer millis);

        /** A heartbeat that failed; only sent when the journey has a heartbeat interval. */
        default void heartbeatFailed(long at) {
        }
    }

    private static final String PROTOCOL = UidlChains.PROTOCOL;
    private static final String NEXT = "next";
    private static final String ACTION = "action";
    private static final String STARTED = UidlChains.STARTED;

    private final Recorder recorder;
    private final int thinkMillis;
    private final int historyRows;
    private final UidlChains chains;
    private final @Nullable Duration heartbeat;

    /**
     * @param requestTimeout per request, or null for Gatling's default (60 s)
     * @param heartbeat      how often to send Vaadin's heartbeat, or null for never (runs shorter than Flow's three
     *                       missed beats, 15 minutes by default)
     */
    TopUpJourney(Recorder recorder, int thinkMillis, int historyRows, @Nullable Duration requestTimeout,
                 @Nullable Duration heartbeat) {
        this.recorder = recorder;
        this.thinkMillis = thinkMillis;
        this.historyRows = historyRows;
        this.chains = new UidlChains(requestTimeout);
        this.heartbeat = heartbeat;
    }

    ScenarioBuilder customers(String name) {
        return scenario(name)
                .exec(session -> session.set(PROTOCOL, new UidlProtocol(historyRows)).set(NEXT, 0))
                .exec(signIn())
                .exec(openUi())
                .exitHereIfFailed()
                .asLongAs(session -> recorder.running(System.currentTimeMillis())).on(
                        pause(Duration.ofMillis(thinkMillis / 2), Duration.ofMillis(thinkMillis * 3L / 2)),
                        heartbeatIfDue(),
                        doIf(session -> recorder.running(System.currentTimeMillis())).then(action()));
    }

    private ChainBuilder signIn() {
        return exec(timed(http("sign-in: login page").get("/login")
                        .check(status().is(200), regex(UidlClient.META_CSRF.pattern()).saveAs("csrf"))))
                .exec(timed(http("sign-in: form").post("/login")
                        .formParam("username", "demo").formParam("password", "demo").formParam("_csrf", "#{csrf}")
                        .check(status().is(302), header("Location").validate("back to the app",
                                (location, session) -> {
                                    if (location.contains("error") || location.endsWith("/login")) {
                                        throw new IllegalStateException("sign-in refused: " + location);
                                    }
                                    return location;
                                }))))
                .exec(session -> {
                    if (session.isFailed()) {
                        recorder.signInFailed(System.currentTimeMillis());
                    }
                    return session;
                });
    }

    /** index.html, the init request that creates the UI, and the first navigation to the top-up view. */
    private ChainBuilder openUi() {
        return chains.openUi("the top-up view", "presets", recorder::openFailed);
    }

    /** Vaadin's heartbeat, as an open tab sends it; not an action, so not timed. */
    private ChainBuilder heartbeatIfDue() {
        return chains.heartbeatIfDue(heartbeat, recorder::heartbeatFailed);
    }

    /** The next interaction of the cycle, timed; then the grid's confirmation, or a new UI after a failure. */
    private ChainBuilder action() {
        return exec(session -> {
                    Interaction next = Interaction.values()[session.getInt(NEXT)];
                    long now = System.currentTimeMillis();
                    boolean measured = recorder.measures(now);
                    return session.set(ACTION, next).set("measured", measured).set(STARTED, now)
                            .set("label", (measured ? "" : "ramp-up: ") + next.label)
                            .set("body", protocol(session).request(next));
                })
                .exec(timed(http("#{label}").post(session -> protocol(session).uidlPath())
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .body(StringBody("#{body}"))
                        .check(responseTimeInMillis().saveAs("took"), status().is(200),
                                bodyString().validate("the expected state change", (body, session) -> {
                                    protocol(session).accept(body);
                                    return body;
                                }))))
                .exec(session -> {
                    Interaction done = session.get(ACTION);
                    recorder.actionDone(done, session.getLong(STARTED), session.getBoolean("measured"),
                            session.isFailed() ? null : session.getInt("took"));
                    return session.isFailed() ? session : session.set(NEXT, (done.ordinal() + 1) % Interaction.values().length);
                })
                .doIfOrElse(Session::isFailed).then(
                        exec(session -> session.markAsSucceeded().set(NEXT, 0)).exec(openUi()))
                .orElse(doIf(session -> protocol(session).hasGridUpdateToConfirm()).then(
                        exec(session -> session.set("body", protocol(session).confirmGridUpdate()))
                                .exec(timed(http("grid: confirm update").post(session -> protocol(session).uidlPath())
                                        .header("Content-Type", "application/json; charset=UTF-8")
                                        .body(StringBody("#{body}"))
                                        .check(status().is(200), bodyString().validate("accepted", (body, session) -> {
                                            protocol(session).accept(body);
                                            return body;
                                        }))))));
    }

    private HttpRequestActionBuilder timed(HttpRequestActionBuilder request) {
        return chains.timed(request);
    }
}
