package dev.billfold.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A plain HTTP client that behaves like a browser where sign-in cares: it keeps cookies and follows redirects, and
 * records every hop so a test can see where it was sent. Public for the cluster-wide sign-in test
 * (ratelimit.ClusterWideLimitsTest).
 */
public final class HttpBrowser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final List<URI> hops = new ArrayList<>();

    /** GETs {@code start} and follows redirects (at most 15); returns the last response. */
    public HttpResponse<String> open(URI start) {
        return follow(HttpRequest.newBuilder(start).GET().build());
    }

    /** POSTs a form and follows the redirects that answer it. */
    public HttpResponse<String> postForm(URI uri, String form) {
        return follow(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** One request, no redirects followed. */
    HttpResponse<String> send(HttpRequest request) {
        hops.add(request.uri());
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Request to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> follow(HttpRequest first) {
        HttpResponse<String> response = send(first);
        for (int i = 0; i < 15 && isRedirect(response); i++) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            response = send(HttpRequest.newBuilder(next).GET().build());
        }
        return response;
    }

    static boolean isRedirect(HttpResponse<?> response) {
        return response.statusCode() >= 300 && response.statusCode() < 400
                && response.headers().firstValue("Location").isPresent();
    }

    /**
     * What a browser tab shows at {@code route} of the app at {@code base}: the bootstrap page, Vaadin's init request
     * and the client's "ui-navigate" event, as Chromium sends them (see bench/UidlClient). Returns the UIDL response,
     * which carries the view's components, texts and ids.
     */
    String render(URI base, String route) {
        return render(base, route, "");
    }

    /** {@link #render(URI, String)} with a query string ("locked=180"). */
    String render(URI base, String route, String query) {
        HttpResponse<String> page = open(base.resolve("/" + route + (query.isEmpty() ? "" : "?" + query)));
        if (page.statusCode() != 200) {
            throw new IllegalStateException("GET /" + route + ": HTTP " + page.statusCode());
        }
        HttpResponse<String> init = send(HttpRequest.newBuilder(base.resolve("/?v-r=init&location="
                + URLEncoder.encode(route, StandardCharsets.UTF_8) + "&query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&v-tzid=UTC&v-ww=1280&v-wh=800")).GET().build());
        JsonNode config = JSON.readTree(init.body()).path("appConfig");
        JsonNode uidl = config.path("uidl");
        String body = "{\"csrfToken\":\"" + uidl.path("Vaadin-Security-Key").asString() + "\",\"rpc\":[{\"type\":\"event\","
                + "\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + route + "\",\"query\":\"" + query + "\","
                + "\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}}],\"syncId\":"
                + uidl.path("syncId").asInt() + ",\"clientId\":" + uidl.path("clientId").asInt() + "}";
        HttpResponse<String> navigated = send(HttpRequest.newBuilder(
                        base.resolve("/?v-r=uidl&v-uiId=" + config.path("v-uiId").asInt()))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (navigated.statusCode() != 200) {
            throw new IllegalStateException("UIDL navigation to /" + route + ": HTTP " + navigated.statusCode());
        }
        return navigated.body();
    }

    /** The CSRF token Spring Security put into the page (Vaadin's bootstrap page carries it in a meta tag). */
    public static String csrfToken(String page) {
        Matcher csrf = META_CSRF.matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token in the page");
        }
        return csrf.group(1);
    }

    /** Every URI requested so far, in order. */
    List<URI> hops() {
        return List.copyOf(hops);
    }

    void forgetHops() {
        hops.clear();
    }

    Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst();
    }
}
