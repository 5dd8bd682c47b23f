package dev.billfold.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One browser tab, minus the browser: signs in through Spring Security's form login and then speaks Vaadin Flow's
 * UIDL protocol to the server, the same requests Chromium sends (recorded once with Playwright request logging against
 * this app on Vaadin 25.2):
 * <ol>
 * <li>{@code GET /login}: the page carries the CSRF token in {@code <meta name="_csrf">};</li>
 * <li>{@code POST /login} with {@code username}, {@code password}, {@code _csrf} (what the LoginForm with action
 * "login" posts): 302 to {@code /};</li>
 * <li>{@code GET /} (index.html), then {@code GET /?v-r=init&location=&query=&v-...} (browser details): the JSON's
 * {@code appConfig} holds {@code v-uiId} and the UIDL with {@code Vaadin-Security-Key}, {@code syncId}, {@code clientId}
 * — a UI instance exists on the server from here;</li>
 * <li>{@code POST /?v-r=uidl&v-uiId=N} with {@code {"csrfToken","rpc":[...],"syncId","clientId"}}: first an
 * {@code event} "ui-navigate" on node 1 (the body), which runs the router and builds the view; later "click" events,
 * {@code mSync} property changes and {@code publishedEventHandler} calls ({@code @ClientCallable}, e.g. the grid's
 * {@code setViewportRange} and {@code confirmUpdate}).</li>
 * </ol>
 * Node ids are learnt from the {@code changes} of each response (the {@code id} attribute, feature 3). Not
 * thread-safe: one virtual thread drives one client. Cookies are kept by hand (JSESSIONID only), so that one shared
 * {@link HttpClient} serves every session.
 */
final class UidlClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final String BROWSER_DETAILS = "&v-sh=800&v-sw=1280&v-wh=800&v-ww=1280&v-bh=800&v-bw=1280&v-tzo=0"
            + "&v-dstd=0&v-rtzo=0&v-dston=false&v-tzid=UTC&v-td=false&v-pr=1&v-np=Linux%20x86_64&v-cs=light"
            + "&v-pv=VISIBLE&v-fs=NOT_FULLSCREEN&v-so=landscape-primary&v-soa=0&v-tn=lumo&v-ga=PROMPT&v-wla=SUPPORTED"
            + "&v-ws=false";
    private static final String CLICK_DATA = "{\"event.shiftKey\":false,\"event.metaKey\":false,\"event.detail\":1,"
            + "\"event.ctrlKey\":false,\"event.clientX\":453,\"event.clientY\":373,\"event.altKey\":false,"
            + "\"event.button\":0,\"event.screenY\":470,\"event.screenX\":463}";

    private final HttpClient http;
    private final String base;
    private final Duration timeout;
    private String sessionCookie;
    private String csrfToken;
    private int uiId = -1;
    private int syncId;
    private int clientId;
    private int promise;
    private int historyIndex;
    /** Element id attribute → state node id, of the attached nodes. */
    private final Map<String, Integer> nodes = new HashMap<>();
    private final Map<Integer, String> idsByNode = new HashMap<>();
    /** The grid's pending data-communicator update to confirm, or -1. */
    private int pendingConfirm = -1;
    private String payerValue;
    private int lastPage = -1;

    UidlClient(HttpClient http, String base, Duration timeout) {
        this.http = http;
        this.base = base;
        this.timeout = timeout;
    }

    static HttpClient newHttpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(20)).build();
    }

    // ---- sign-in and the UI ------------------------------------------------------------------------------------

    void signIn(String user, String password) {
        String loginPage = get("/login").body();
        String token = csrfFrom(loginPage);
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token);
        HttpResponse<String> response = send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error") || location.endsWith("/login")) {
            throw new BenchError("sign-in failed: HTTP " + response.statusCode() + " Location " + location);
        }
    }

    /** GET / (index.html), the init request (a server-side UI), and the ui-navigate to the route. */
    String openUi(String route) {
        HttpResponse<String> index = get("/" + route);
        if (index.statusCode() != 200) {
            throw new BenchError("GET /" + route + ": HTTP " + index.statusCode());
        }
        HttpResponse<String> init = get("/?v-r=init&location=" + enc(route) + "&query=" + BROWSER_DETAILS
                + "&v-curdate=" + System.currentTimeMillis() + "&v-wn=v-" + ThreadLocalRandom.current().nextDouble());
        if (init.statusCode() != 200) {
            throw new BenchError("init: HTTP " + init.statusCode());
        }
        JsonNode config = JSON.readTree(init.body()).path("appConfig");
        JsonNode uidl = config.path("uidl");
        uiId = config.path("v-uiId").asInt(-1);
        csrfToken = uidl.path("Vaadin-Security-Key").asString(null);
        syncId = uidl.path("syncId").asInt();
        clientId = uidl.path("clientId").asInt();
        if (uiId < 0 || csrfToken == null) {
            throw new BenchError("init without v-uiId or Vaadin-Security-Key");
        }
        track(uidl);
        return uidl("[" + navigateRpc("/" + route, "") + "]");
    }

    // ---- the top-up interactions -------------------------------------------------------------------------------

    /** The router to the top-up view ("Top up" in the menu). */
    String openTopUp() {
        String response = uidl("[" + navigateRpc("", "client") + "]");
        expect(response, "\"preset-100\"", "top-up view");
        return response;
    }

    /** A click on the $100.00 preset: the amount field's value becomes "100.00" on the server and in the response. */
    String clickPreset() {
        String response = uidl("[{\"type\":\"event\",\"node\":" + node("preset-100") + ",\"event\":\"click\",\"data\":"
                + CLICK_DATA + "}]");
        expect(response, "\"value\":\"100.00\"", "preset click");
        return response;
    }

    /** The payer select set to the other payer: the server reloads that payer's payment methods. */
    String switchPayer() {
        int payer = node("payer");
        String other = "2".equals(payerValue) ? "1" : "2";
        String response = uidl("[{\"type\":\"mSync\",\"node\":" + payer + ",\"feature\":1,\"property\":\"value\",\"value\":\""
                + other + "\"},{\"type\":\"event\",\"node\":" + payer + ",\"event\":\"value-changed\",\"data\":{}}]");
        payerValue = other;
        expect(response, "\"node\":" + node("method") + ",", "payer switch (payment methods reloaded)");
        return response;
    }

    /** The router to the history view; the grid's first page comes with it. Confirms that update like the browser. */
    String openHistory() {
        String response = uidl("[" + navigateRpc("history", "client") + "]");
        expect(response, "\"history-grid\"", "history view");
        confirmGridUpdate();
        return response;
    }

    /**
     * A scroll of the history grid to another page: the connector's {@code setViewportRange(start, length)} (what
     * gridConnector.ts sends), answered with the rows ({@code $connector.set}); the update is then confirmed.
     */
    String scrollHistory(int rows) {
        int pages = Math.max(1, rows / 50);
        int page;
        do {
            page = ThreadLocalRandom.current().nextInt(pages);
        } while (pages > 1 && page == lastPage);
        lastPage = page;
        String response = uidl("[{\"type\":\"publishedEventHandler\",\"node\":" + node("history-grid")
                + ",\"templateEventMethodName\":\"setViewportRange\",\"templateEventMethodArgs\":[" + page * 50
                + ",100],\"promise\":" + promise++ + "}]");
        expect(response, "$connector.set", "grid rows");
        return response;
    }

    /** Sends the grid's pending confirmUpdate, if any (the browser does this right after applying the rows). */
    void confirmGridUpdate() {
        if (pendingConfirm >= 0) {
            int id = pendingConfirm;
            pendingConfirm = -1;
            uidl("[{\"type\":\"publishedEventHandler\",\"node\":" + node("history-grid")
                    + ",\"templateEventMethodName\":\"confirmUpdate\",\"templateEventMethodArgs\":[" + id
                    + "],\"promise\":" + promise++ + "}]");
        }
    }

    /** Vaadin's heartbeat, which keeps the UI from being closed as abandoned. */
    void heartbeat() {
        HttpResponse<String> response = send(request("/?v-r=heartbeat&v-uiId=" + uiId)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        if (response.statusCode() != 200) {
            throw new BenchError("heartbeat: HTTP " + response.statusCode());
        }
    }

    /** Spring Security's POST /logout: the session and its UIs go. Best effort. */
    void signOut() {
        try {
            HttpResponse<String> page = get("/");
            Matcher csrf = META_CSRF.matcher(page.body());
            if (csrf.find()) {
                send(request("/logout").header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(csrf.group(1)))).build());
            }
        } catch (RuntimeException ignored) {
            // the session expires anyway
        }
    }

    // ---- protocol --------------------------------------------------------------------------------------------------

    private String navigateRpc(String route, String trigger) {
        return "{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + route
                + "\",\"query\":\"\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":" + historyIndex++
                + "},\"trigger\":\"" + trigger + "\"}}";
    }

    private String uidl(String rpcArray) {
        String body = "{\"csrfToken\":\"" + csrfToken + "\",\"rpc\":" + rpcArray + ",\"syncId\":" + syncId
                + ",\"clientId\":" + clientId + "}";
        HttpResponse<String> response = send(request("/?v-r=uidl&v-uiId=" + uiId)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.statusCode() != 200) {
            throw new BenchError("UIDL: HTTP " + response.statusCode());
        }
        String text = response.body();
        if (text.startsWith("for(;;);")) {
            text = text.substring("for(;;);".length());
        }
        JsonNode uidl = JSON.readTree(text);
        if (uidl.isArray()) {
            uidl = uidl.get(0);
        }
        JsonNode meta = uidl.path("meta");
        if (meta.has("appError") || meta.has("sessionExpired")) {
            throw new BenchError("UIDL error: " + meta);
        }
        if (!uidl.has("syncId") || !uidl.has("clientId")) {
            throw new BenchError("UIDL response without syncId/clientId: " + abbreviate(text));
        }
        syncId = uidl.path("syncId").asInt();
        clientId = uidl.path("clientId").asInt();
        track(uidl);
        return text;
    }

    /** Learns node ids from the changes and the grid's update to confirm from the executed JavaScript. */
    private void track(JsonNode uidl) {
        for (JsonNode change : uidl.path("changes")) {
            String type = change.path("type").asString("");
            int node = change.path("node").asInt();
            if ("detach".equals(type)) {
                String id = idsByNode.remove(node);
                if (id != null && Integer.valueOf(node).equals(nodes.get(id))) {
                    nodes.remove(id);
                }
            } else if ("put".equals(type) && change.path("feat").asInt() == 3 && "id".equals(change.path("key").asString(""))) {
                String id = change.path("value").asString("");
                nodes.put(id, node);
                idsByNode.put(node, id);
            }
        }
        for (JsonNode change : uidl.path("changes")) {
            if ("put".equals(change.path("type").asString("")) && "value".equals(change.path("key").asString(""))
                    && change.path("feat").asInt() == 1 && "payer".equals(idsByNode.get(change.path("node").asInt()))) {
                payerValue = change.path("value").asString(null);
            }
        }
        for (JsonNode call : uidl.path("execute")) {
            int size = call.size();
            if (size >= 3 && call.get(size - 1).asString("").contains("$connector.confirm(")) {
                pendingConfirm = call.get(size - 2).asInt();
            }
        }
    }

    private int node(String id) {
        Integer node = nodes.get(id);
        if (node == null) {
            throw new BenchError("no node with id '" + id + "' in the UI state");
        }
        return node;
    }

    private static void expect(String response, String fragment, String what) {
        if (!response.contains(fragment)) {
            throw new BenchError(what + ": response lacks " + fragment + ": " + abbreviate(response));
        }
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
            throw new BenchError(request.method() + " " + request.uri().getRawQuery() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchError("interrupted");
        }
    }

    private static String csrfFrom(String page) {
        Matcher m = META_CSRF.matcher(page);
        if (!m.find()) {
            throw new BenchError("no _csrf meta tag on the login page");
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }

    /** A failed step of the protocol or a response without the expected state change. */
    static final class BenchError extends RuntimeException {
        BenchError(String message) {
            super(message, null, false, false);
        }
    }
}
