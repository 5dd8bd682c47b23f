package dev.billfold.bench;

import dev.billfold.bench.UidlProtocol.Interaction;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser tab, minus the browser, on Java's HttpClient: signs in through Spring Security's form login and then
 * speaks Vaadin Flow's UIDL protocol ({@link UidlProtocol}) to the server. Used where many sessions must simply exist
 * (the memory benchmark), for warming the server up, and by the browser test {@code e2e.RetainedResponseResendE2E};
 * the round-trip figures come from Gatling. Not thread-safe: one virtual thread drives one client. Cookies are kept by
 * hand (JSESSIONID only), so that one shared {@link HttpClient} serves every session.
 */
public final class UidlClient {

    static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final HttpClient http;
    private final String base;
    private final Duration timeout;
    private final UidlProtocol protocol;
    private String sessionCookie;

    public UidlClient(HttpClient http, String base, Duration timeout, int historyRows) {
        this.http = http;
        this.base = base;
        this.timeout = timeout;
        this.protocol = new UidlProtocol(historyRows);
    }

    private String lastBody;

    public static HttpClient newHttpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(20)).build();
    }

    /** GET /login for the CSRF token, then the form's POST: 302 to the app, not back to the login page. */
    public void signIn(String user, String password) {
        String token = csrfFrom(get("/login").body());
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token);
        HttpResponse<String> response = send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error") || location.endsWith("/login")) {
            throw new UidlProtocol.UidlError("sign-in failed: HTTP " + response.statusCode() + " Location " + location);
        }
    }

    /** GET / (index.html), the init request (a server-side UI), and the ui-navigate to the route. */
    public String openUi(String route) {
        HttpResponse<String> index = get("/" + route);
        if (index.statusCode() != 200) {
            throw new UidlProtocol.UidlError("GET /" + route + ": HTTP " + index.statusCode());
        }
        HttpResponse<String> init = get(UidlProtocol.initPath(route));
        if (init.statusCode() != 200) {
            throw new UidlProtocol.UidlError("init: HTTP " + init.statusCode());
        }
        protocol.init(init.body());
        return uidl(protocol.firstNavigation(route));
    }

    public String run(Interaction interaction) {
        return uidl(protocol.request(interaction));
    }

    public String clickPreset() {
        return run(Interaction.PRESET_CLICK);
    }

    /** Sends the grid's pending confirmUpdate, if any (the browser does this right after applying the rows). */
    void confirmGridUpdate() {
        if (protocol.hasGridUpdateToConfirm()) {
            uidl(protocol.confirmGridUpdate());
        }
    }

    /** Vaadin's heartbeat, which keeps the UI from being closed as abandoned. */
    void heartbeat() {
        HttpResponse<String> response = send(request(protocol.heartbeatPath()).POST(HttpRequest.BodyPublishers.noBody()).build());
        if (response.statusCode() != 200) {
            throw new UidlProtocol.UidlError("heartbeat: HTTP " + response.statusCode());
        }
    }

    /** Spring Security's POST /logout: the session and its UIs go. Best effort. */
    void signOut() {
        try {
            Matcher csrf = META_CSRF.matcher(get("/").body());
            if (csrf.find()) {
                send(request("/logout").header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(csrf.group(1)))).build());
            }
        } catch (RuntimeException ignored) {
            // the session expires anyway
        }
    }

    /**
     * Sends the last UIDL message again, unchanged, as a browser does when it never got the answer: Flow answers with
     * the response it kept.
     */
    public String resendLast() {
        return uidl(java.util.Objects.requireNonNull(lastBody, "nothing sent yet"));
    }

    private String uidl(String body) {
        lastBody = body;
        HttpResponse<String> response = send(request(protocol.uidlPath())
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.statusCode() != 200) {
            throw new UidlProtocol.UidlError("UIDL: HTTP " + response.statusCode());
        }
        return protocol.accept(response.body());
    }

    private HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
        if (sessionCookie != null) {
            builder.header("Cookie", sessionCookie);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            List<String> cookies = response.headers().allValues("Set-Cookie");
            for (String cookie : cookies) {
                if (cookie.startsWith("JSESSIONID=")) {
                    sessionCookie = cookie.substring(0, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';'));
                }
            }
            return response;
        } catch (IOException e) {
            throw new UidlProtocol.UidlError(request.method() + " " + request.uri().getRawQuery() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UidlProtocol.UidlError("interrupted");
        }
    }

    private static String csrfFrom(String page) {
        Matcher m = META_CSRF.matcher(page);
        if (!m.find()) {
            throw new UidlProtocol.UidlError("no _csrf meta tag on the login page");
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
