package dev.billfold.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.LoadState;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * First load of the login page and of the top-up page in Chromium, cold cache, production jar (issue 3; target: ≤ 500
 * KB transferred, LCP ≤ 1.5 s). Each run uses a fresh browser context, and the measured page has the HTTP cache
 * switched off through CDP ({@code Network.setCacheDisabled}), so every resource comes over the wire.
 *
 * <ul>
 * <li><b>Bytes</b>: the sum of {@code encodedDataLength} of CDP's {@code Network.loadingFinished} events of the
 * measured page, from navigation until the network is idle and the view is shown: what came over the wire, compressed
 * bodies plus response headers, including the UIDL requests that build the view.</li>
 * <li><b>LCP</b>: the last {@code largest-contentful-paint} entry's {@code startTime} (ms from navigation start),
 * from a PerformanceObserver injected with {@code addInitScript} before any page script runs.</li>
 * </ul>
 * Login page: {@code /login} in a fresh context. Top-up page: sign in through the form in a fresh context, then open
 * {@code /} in a new page of that context (signed in, nothing cached) and measure that load. Viewport 1280×800.
 * Three runs each (-Dbench.firstLoadRuns), median printed with every run.
 *
 * <p>Needs Debian's chromium (skipped without it, like the browser tests). Never fails on size or time.
 * Run: {@code ./mvnw -Pbench test -Dtest=FirstLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false} (all benchmarks: {@code ./mvnw -Pbench verify}).
 */
class FirstLoadBenchmark {

    private static final int RUNS = Integer.getInteger("bench.firstLoadRuns", 3);
    private static final String LCP_SCRIPT = """
            window.__lcp = -1;
            new PerformanceObserver(list => {
              for (const entry of list.getEntries()) { window.__lcp = entry.startTime; }
            }).observe({ type: 'largest-contentful-paint', buffered: true });
            """;

    record Load(long bytes, int responses, double lcpMillis) {
    }

    @Test
    void bytes_and_lcp_of_the_first_load() {
        Path chromium = findChromium().orElse(null);
        Assumptions.assumeTrue(chromium != null, "No Chromium at /usr/bin/chromium or on PATH");
        try (BenchServer server = BenchServer.start("firstload");
             Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                     .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
                    .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
                            "--no-first-run", "--disable-background-networking", "--disable-component-update",
                            "--disable-sync")));
            List<Load> login = new ArrayList<>();
            List<Load> topUp = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                login.add(measureLogin(browser, server.baseUrl()));
                topUp.add(measureTopUp(browser, server.baseUrl()));
            }
            System.out.printf("%n### First load, cold cache, Chromium headless, 1280×800 (%d runs, median)%n%n", RUNS);
            System.out.println("| page | KB transferred (median) | LCP ms (median) | responses | runs: KB / LCP ms |");
            System.out.println("|---|---|---|---|---|");
            row("login (`/login`)", login);
            row("top-up (`/`, signed in)", topUp);
            System.out.println("\nBytes: sum of CDP Network.loadingFinished encodedDataLength (bodies as sent plus headers)."
                    + " Targets: ≤ 500 KB, LCP ≤ 1.5 s.\n");
            assertThat(topUp).allSatisfy(load -> assertThat(load.bytes()).isPositive());
        }
    }

    private static Load measureLogin(Browser browser, String base) {
        try (BrowserContext context = newContext(browser, base)) {
            Page page = context.newPage();
            return measure(page, "/login", "input[name=username]");
        }
    }

    private static Load measureTopUp(Browser browser, String base) {
        try (BrowserContext context = newContext(browser, base)) {
            Page signIn = context.newPage();
            signIn.navigate("/login");
            signIn.locator("input[name=username]").fill("demo");
            signIn.locator("input[name=password]").fill("demo");
            signIn.locator("vaadin-button[slot=submit], button[type=submit]").first().click();
            signIn.locator("#preset-100").waitFor();
            signIn.close();
            return measure(context.newPage(), "/", "#preset-100");
        }
    }

    private static Load measure(Page page, String path, String readySelector) {
        CDPSession cdp = page.context().newCDPSession(page);
        cdp.send("Network.enable");
        var noCache = new JsonObject();
        noCache.addProperty("cacheDisabled", true);
        cdp.send("Network.setCacheDisabled", noCache);
        var bytes = new AtomicLong();
        var responses = new AtomicInteger();
        cdp.on("Network.loadingFinished", event -> {
            bytes.addAndGet((long) event.get("encodedDataLength").getAsDouble());
            responses.incrementAndGet();
        });
        page.navigate(path);
        page.locator(readySelector).first().waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.waitForTimeout(1000);
        double lcp = ((Number) page.evaluate("window.__lcp")).doubleValue();
        cdp.detach();
        return new Load(bytes.get(), responses.get(), lcp);
    }

    private static BrowserContext newContext(Browser browser, String base) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(base)
                .setViewportSize(1280, 800).setLocale("en-US").setTimezoneId("UTC"));
        context.setDefaultTimeout(60_000);
        context.addInitScript(LCP_SCRIPT);
        return context;
    }

    private static void row(String page, List<Load> loads) {
        List<Long> bytes = new ArrayList<>(loads.stream().map(Load::bytes).toList());
        List<Double> lcp = new ArrayList<>(loads.stream().map(Load::lcpMillis).toList());
        Collections.sort(bytes);
        Collections.sort(lcp);
        String runs = String.join(", ", loads.stream()
                .map(l -> "%.1f / %.0f".formatted(l.bytes() / 1024.0, l.lcpMillis())).toList());
        System.out.printf("| %s | %.1f | %.0f | %d | %s |%n", page, bytes.get(bytes.size() / 2) / 1024.0,
                lcp.get(lcp.size() / 2), loads.get(0).responses(), runs);
    }

    private static Optional<Path> findChromium() {
        Path debian = Path.of("/usr/bin/chromium");
        if (Files.isExecutable(debian)) {
            return Optional.of(debian);
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator)).filter(d -> !d.isBlank()).map(d -> Path.of(d, "chromium"))
                .filter(Files::isExecutable).findFirst();
    }
}
