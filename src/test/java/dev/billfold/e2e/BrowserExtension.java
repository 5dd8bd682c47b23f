package dev.billfold.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a test class against {@link ProductionApp} in Debian's Chromium, through Playwright. One app and one browser per
 * JVM; a fresh browser context (cookies, storage, window size) per test, handed to the test as a {@link Page}. A failed
 * test leaves a full-page screenshot in target/e2e-screenshots. A test after which a page reported a content security
 * policy violation fails ({@link PolicyViolations}); a test that provokes one on purpose takes it as a parameter.
 *
 * <p>Without a Chromium the tests are skipped, except on CI (CI=true), where that is a failure.
 */
final class BrowserExtension implements BeforeAllCallback, BeforeEachCallback, AfterTestExecutionCallback,
        AfterEachCallback, ParameterResolver {

    static final int DESKTOP_WIDTH = 1280;
    static final int DESKTOP_HEIGHT = 800;
    private static final double TIMEOUT_MILLIS = 20_000;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);
    private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    @Override
    public void beforeAll(ExtensionContext context) {
        Path chromium = findChromium().orElse(null);
        if (chromium == null) {
            String reason = "No Chromium at /usr/bin/chromium or on PATH (Debian: apt-get install chromium)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(reason + "; the browser tests cannot be skipped on CI.");
            }
            Assumptions.abort(reason + "; skipping the browser tests.");
        }
        ExtensionContext.Store root = context.getRoot().getStore(NAMESPACE);
        // Closed by JUnit when the whole run ends, in reverse order: the browser first, then the app.
        root.computeIfAbsent(AppHandle.class, key -> new AppHandle(ProductionApp.get()), AppHandle.class);
        root.computeIfAbsent(BrowserHandle.class, key -> BrowserHandle.launch(chromium), BrowserHandle.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Browser browser = context.getRoot().getStore(NAMESPACE).get(BrowserHandle.class, BrowserHandle.class).browser();
        Viewport viewport = context.getRequiredTestMethod().getAnnotation(Viewport.class);
        BrowserContext browserContext = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(ProductionApp.get().baseUrl())
                .setViewportSize(viewport == null ? DESKTOP_WIDTH : viewport.width(),
                        viewport == null ? DESKTOP_HEIGHT : viewport.height())
                .setLocale("en-US")
                .setTimezoneId("UTC"));
        browserContext.setDefaultTimeout(TIMEOUT_MILLIS);
        browserContext.setDefaultNavigationTimeout(TIMEOUT_MILLIS);
        context.getStore(NAMESPACE).put(PolicyViolations.class, PolicyViolations.listenTo(browserContext));
        Page page = browserContext.newPage();
        context.getStore(NAMESPACE).put(Page.class, page);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        Page page = context.getStore(NAMESPACE).get(Page.class, Page.class);
        if (page == null || page.isClosed()) {
            return;
        }
        Path file = ProductionApp.projectDir().resolve("target/e2e-screenshots")
                .resolve(context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName() + ".png");
        try {
            Files.createDirectories(file.getParent());
            page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
            System.err.println("E2E failure screenshot: " + file + " (page " + page.url() + ")");
        } catch (RuntimeException | java.io.IOException e) {
            System.err.println("Could not save a screenshot to " + file + ": " + e.getMessage());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Page page = context.getStore(NAMESPACE).remove(Page.class, Page.class);
        PolicyViolations violations = context.getStore(NAMESPACE)
                .remove(PolicyViolations.class, PolicyViolations.class);
        if (page != null) {
            try {
                // One round trip to the page, so that reports it sent before are delivered before we look.
                if (!page.isClosed()) {
                    page.evaluate("() => true");
                }
            } catch (PlaywrightException gone) {
                // a crashed or closing page has nothing more to deliver
            } finally {
                page.context().close();
            }
        }
        if (violations != null) {
            violations.assertNone();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Page.class || type == ProductionApp.class || type == PolicyViolations.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == ProductionApp.class) {
            return ProductionApp.get();
        }
        return context.getStore(NAMESPACE).get(type, type);
    }

    /** Debian's /usr/bin/chromium, or the first {@code chromium} on PATH. */
    static Optional<Path> findChromium() {
        Path debian = Paths.get("/usr/bin/chromium");
        if (Files.isExecutable(debian)) {
            return Optional.of(debian);
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isBlank())
                .map(dir -> Paths.get(dir, "chromium")).filter(Files::isExecutable).findFirst();
    }

    private record AppHandle(ProductionApp app) implements AutoCloseable {
        @Override
        public void close() {
            ProductionApp.stopRunning();
        }
    }

    private record BrowserHandle(Playwright playwright, Browser browser) implements AutoCloseable {

        static BrowserHandle launch(Path chromium) {
            // The system Chromium only: Playwright must not download browsers of its own.
            Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            try {
                Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(chromium)
                        .setHeadless(true)
                        .setArgs(CHROMIUM_ARGS));
                PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MILLIS);
                return new BrowserHandle(playwright, browser);
            } catch (RuntimeException e) {
                playwright.close();
                throw e;
            }
        }

        @Override
        public void close() {
            playwright.close();
        }
    }
}
