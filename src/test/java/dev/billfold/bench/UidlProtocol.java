package dev.billfold.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The client side of Vaadin Flow's UIDL protocol for one browser tab, without the transport: what to send for each
 * top-up interaction and what to learn from each answer. The same requests Chromium sends (recorded once with
 * Playwright request logging against this app on Vaadin 25.2):
 * <ol>
 * <li>{@code GET /?v-r=init&location=&query=&v-...} (browser details): the JSON's {@code appConfig} holds
 * {@code v-uiId} and the UIDL with {@code Vaadin-Security-Key}, {@code syncId}, {@code clientId}; a UI instance exists
 * on the server from here;</li>
 * <li>{@code POST /?v-r=uidl&v-uiId=N} with {@code {"csrfToken","rpc":[...],"syncId","clientId"}}: first an
 * {@code event} "ui-navigate" on node 1 (the body), which runs the router and builds the view; later "click" events,
 * {@code mSync} property changes and {@code publishedEventHandler} calls ({@code @ClientCallable}, e.g. the grid's
 * {@code setViewportRange} and {@code confirmUpdate}).</li>
 * </ol>
 * Node ids are learnt from the {@code changes} of each response (the {@code id} attribute, feature 3). Used by the
 * HttpClient driver ({@link UidlClient}) and by the Gatling simulation; one instance per tab, never shared.
 */
public final class UidlProtocol {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BROWSER_DETAILS = "&v-sh=800&v-sw=1280&v-wh=800&v-ww=1280&v-bh=800&v-bw=1280&v-tzo=0"
            + "&v-dstd=0&v-rtzo=0&v-dston=false&v-tzid=UTC&v-td=false&v-pr=1&v-np=Linux%20x86_64&v-cs=light"
            + "&v-pv=VISIBLE&v-fs=NOT_FULLSCREEN&v-so=landscape-primary&v-soa=0&v-tn=lumo&v-ga=PROMPT&v-wla=SUPPORTED"
            + "&v-ws=false";
    /** What the browser sends for a click on the $100.00 preset: the presets element's filter and data expressions. */
    private static final String PRESET_CLICK_DATA = "{\"event.target.closest('[data-amount]') != null\":true,"
            + "\"event.target.closest('[data-amount]')?.dataset.amount\":\"100.00\"}";
    /** What the browser sends for a click on an element with a click listener (Flow's {@code ClickEvent} data). */
    private static final String CLICK_DATA = "{\"event.shiftKey\":false,\"event.metaKey\":false,\"event.detail\":1,"
            + "\"event.ctrlKey\":false,\"event.clientX\":40,\"event.clientY\":20,\"event.altKey\":false,"
            + "\"event.button\":0,\"event.screenY\":120,\"event.screenX\":40}";
    static final int GRID_PAGE = 50;

    /** The interactions of the round-trip benchmark, each one UIDL request with the state change it must bring. */
    public enum Interaction {
        PRESET_CLICK("click preset"),
        PAYER_SWITCH("switch payer"),
        OPEN_HISTORY("open history"),
        SCROLL_HISTORY("scroll history"),
        OPEN_TOP_UP("open top-up view");

        final String label;

        Interaction(String label) {
            this.label = label;
        }
    }

    /** Rows in the history grid, so that a scroll lands on a page that exists. */
    private final int historyRows;
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
    /** What the answer to the request last built must contain, and what it was for. */
    private String expected;
    private String expectedFor;

    UidlProtocol(int historyRows) {
        this.historyRows = historyRows;
    }

    // ---- opening a UI ----------------------------------------------------------------------------------------------

    static String initPath(String route) {
        return "/?v-r=init&location=" + URLEncoder.encode(route, StandardCharsets.UTF_8) + "&query=" + BROWSER_DETAILS
                + "&v-curdate=" + System.currentTimeMillis() + "&v-wn=v-" + ThreadLocalRandom.current().nextDouble();
    }

    /** Starts over with the answer to the init request: a new UI, its ids and tokens. */
    void init(String initBody) {
        nodes.clear();
        idsByNode.clear();
        pendingConfirm = -1;
        payerValue = null;
        historyIndex = 0;
        JsonNode config = JSON.readTree(initBody).path("appConfig");
        JsonNode uidl = config.path("uidl");
        uiId = config.path("v-uiId").asInt(-1);
        csrfToken = uidl.path("Vaadin-Security-Key").asString(null);
        syncId = uidl.path("syncId").asInt();
        clientId = uidl.path("clientId").asInt();
        if (uiId < 0 || csrfToken == null) {
            throw new UidlError("init without v-uiId or Vaadin-Security-Key");
        }
        track(uidl);
    }

    String uidlPath() {
        return "/?v-r=uidl&v-uiId=" + uiId;
    }

    String heartbeatPath() {
        return "/?v-r=heartbeat&v-uiId=" + uiId;
    }

    /** The first navigation of a new UI, which builds the view of {@code route}. */
    String firstNavigation(String route) {
        return request(navigateRpc("/" + route, ""), null, null);
    }

    // ---- the interactions ------------------------------------------------------------------------------------------

    String request(Interaction interaction) {
        return switch (interaction) {
            // the router to the top-up view ("Top up" in the menu)
            case OPEN_TOP_UP -> request(navigateRpc("", "client"), "\"presets\"", "top-up view");
            // the $100.00 preset: a click in the presets element that landed on the button with data-amount 100.00;
            // the amount field's value becomes "100.00" on the server and in the response
            case PRESET_CLICK -> request("{\"type\":\"event\",\"node\":" + node("presets")
                    + ",\"event\":\"click\",\"data\":" + PRESET_CLICK_DATA + "}", "\"value\":\"100.00\"", "preset click");
            case PAYER_SWITCH -> switchPayer();
            // the router to the history view; the grid's first page comes with it
            case OPEN_HISTORY -> request(navigateRpc("history", "client"), "\"history-grid\"", "history view");
            case SCROLL_HISTORY -> scrollHistory();
        };
    }

    /** The payer select set to the other payer: the server reloads that payer's payment methods. */
    private String switchPayer() {
        int payer = node("payer");
        String other = "2".equals(payerValue) ? "1" : "2";
        String body = request("{\"type\":\"mSync\",\"node\":" + payer + ",\"feature\":1,\"property\":\"value\",\"value\":\""
                        + other + "\"},{\"type\":\"event\",\"node\":" + payer + ",\"event\":\"value-changed\",\"data\":{}}",
                "\"node\":" + node("method") + ",", "payer switch (payment methods reloaded)");
        payerValue = other;
        return body;
    }

    /**
     * A scroll of the history grid to another page: the connector's {@code setViewportRange(start, length)} (what
     * gridConnector.ts sends), answered with the rows ({@code $connector.set}).
     */
    private String scrollHistory() {
        int pages = Math.max(1, historyRows / GRID_PAGE);
        int page;
        do {
            page = ThreadLocalRandom.current().nextInt(pages);
        } while (pages > 1 && page == lastPage);
        lastPage = page;
        return request("{\"type\":\"publishedEventHandler\",\"node\":" + node("history-grid")
                + ",\"templateEventMethodName\":\"setViewportRange\",\"templateEventMethodArgs\":[" + page * GRID_PAGE
                + ",100],\"promise\":" + promise++ + "}", "$connector.set", "grid rows");
    }

    /**
     * A click on the element whose id attribute is {@code elementId}, with the event data a browser sends for a
     * component's click listener ({@code ClickEvent}); the answer must contain {@code expectedFragment}. For pages
     * other than Billfold's, such as the capacity benchmark's bare route.
     */
    String click(String elementId, String expectedFragment, String what) {
        return request("{\"type\":\"event\",\"node\":" + node(elementId) + ",\"event\":\"click\",\"data\":" + CLICK_DATA
                + "}", expectedFragment, what);
    }

    boolean hasGridUpdateToConfirm() {
        return pendingConfirm >= 0;
    }

    /** The grid's confirmUpdate, which the browser sends right after applying the rows it got. */
    String confirmGridUpdate() {
        int id = pendingConfirm;
        pendingConfirm = -1;
        return request("{\"type\":\"publishedEventHandler\",\"node\":" + node("history-grid")
                + ",\"templateEventMethodName\":\"confirmUpdate\",\"templateEventMethodArgs\":[" + id
                + "],\"promise\":" + promise++ + "}", null, null);
    }

    // ---- answers ---------------------------------------------------------------------------------------------------

    /**
     * Checks the answer to the request last built (no error, the expected state change) and learns from it. Throws
     * {@link UidlError} when the answer is wrong; the state is then best re-opened with a new UI.
     */
    String accept(String responseBody) {
        String text = responseBody.startsWith("for(;;);") ? responseBody.substring("for(;;);".length()) : responseBody;
        JsonNode uidl = JSON.readTree(text);
        if (uidl.isArray()) {
            uidl = uidl.get(0);
        }
        JsonNode meta = uidl.path("meta");
        if (meta.has("appError") || meta.has("sessionExpired")) {
            throw new UidlError("UIDL error: " + meta);
        }
        if (!uidl.has("syncId") || !uidl.has("clientId")) {
            throw new UidlError("UIDL response without syncId/clientId: " + abbreviate(text));
        }
        syncId = uidl.path("syncId").asInt();
        clientId = uidl.path("clientId").asInt();
        track(uidl);
        if (expected != null && !text.contains(expected)) {
            throw new UidlError(expectedFor + ": response lacks " + expected + ": " + abbreviate(text));
        }
        return text;
    }

    // ---- protocol --------------------------------------------------------------------------------------------------

    private String request(String rpc, String expectedFragment, String what) {
        expected = expectedFragment;
        expectedFor = what;
        return "{\"csrfToken\":\"" + csrfToken + "\",\"rpc\":[" + rpc + "],\"syncId\":" + syncId
                + ",\"clientId\":" + clientId + "}";
    }

    private String navigateRpc(String route, String trigger) {
        return "{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + route
                + "\",\"query\":\"\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":" + historyIndex++
                + "},\"trigger\":\"" + trigger + "\"}}";
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
            throw new UidlError("no node with id '" + id + "' in the UI state");
        }
        return node;
    }

    static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }

    /** A failed step of the protocol or a response without the expected state change. */
    static final class UidlError extends RuntimeException {
        UidlError(String message) {
            super(message, null, false, false);
        }
    }
}
