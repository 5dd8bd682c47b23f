package dev.billfold.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The steps of a Vaadin session that {@link TopUpJourney} and {@link BareRouteStaircaseSimulation} share: open a UI on
 * a view, send the heartbeat when it is due, and time a request. The session keeps its {@link UidlProtocol} under
 * {@link #PROTOCOL}; what failed is passed to the caller's callback with the time the step started.
 */
final class UidlChains {

    static final String PROTOCOL = "uidl";
    static final String STARTED = "started";
    static final String BEAT = "beat";

    private final @Nullable Duration requestTimeout;

    /** @param requestTimeout per request, or null for Gatling's default (60 s) */
    UidlChains(@Nullable Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    /**
     * index.html, the init request that creates the UI, and the first navigation, whose answer must carry
     * {@code marker} (a component id) or the view counts as not rendered.
     *
     * @param viewName names the check, e.g. "the top-up view"
     * @param failed   called with the time the opening started when any of its requests failed
     */
    ChainBuilder openUi(String viewName, String marker, LongConsumer failed) {
        String quotedMarker = "\"" + marker + "\"";
        return exec(session -> session.set(STARTED, System.currentTimeMillis()))
                .exec(timed(http("open: index").get("/").check(status().is(200))))
                .exec(timed(http("open: init").get(session -> UidlProtocol.initPath(""))
                        .check(status().is(200), bodyString().validate("a new UI", (body, session) -> {
                            protocol(session).init(body);
                            return body;
                        }))))
                .exec(session -> session.set("body", protocol(session).firstNavigation("")))
                .exec(timed(http("open: first navigation").post(session -> protocol(session).uidlPath())
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .body(StringBody("#{body}"))
                        .check(status().is(200), bodyString().validate(viewName, (body, session) -> {
                            String text = protocol(session).accept(body);
                            if (!text.contains(quotedMarker)) {
                                throw new UidlProtocol.UidlError(viewName + " did not render");
                            }
                            return body;
                        }))))
                .exec(session -> {
                    if (session.isFailed()) {
                        failed.accept(session.getLong(STARTED));
                    }
                    return session.set(BEAT, System.currentTimeMillis());
                });
    }

    /**
     * Vaadin's heartbeat, as an open tab sends it; not an action, so not timed.
     *
     * @param heartbeat how often, or null for never (a chain that does nothing)
     * @param failed    called with the time the heartbeat started when it failed
     */
    ChainBuilder heartbeatIfDue(@Nullable Duration heartbeat, LongConsumer failed) {
        if (heartbeat == null) {
            return exec(session -> session);
        }
        long every = heartbeat.toMillis();
        return doIf(session -> System.currentTimeMillis() - session.getLong(BEAT) >= every).then(
                exec(session -> session.set(STARTED, System.currentTimeMillis()))
                        .exec(timed(http("heartbeat").post(session -> protocol(session).heartbeatPath())
                                .check(status().is(200))))
                        .exec(session -> {
                            if (session.isFailed()) {
                                failed.accept(session.getLong(STARTED));
                            }
                            return session.set(BEAT, System.currentTimeMillis());
                        }));
    }

    /** The request with this journey's timeout, if it has one. */
    HttpRequestActionBuilder timed(HttpRequestActionBuilder request) {
        return requestTimeout == null ? request : request.requestTimeout(requestTimeout);
    }

    static UidlProtocol protocol(Session session) {
        return session.get(PROTOCOL);
    }
}
