package dev.billfold.e2e;

import com.microsoft.playwright.BrowserContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The content security policy violations the pages of one browser context report (their securitypolicyviolation
 * events). {@link BrowserExtension} fails a test after which any is left, so that a policy too strict for a journey
 * breaks that journey's test instead of quietly breaking the page.
 */
final class PolicyViolations {

    private static final String BINDING = "billfoldPolicyViolation";
    /** Added before any script of every page and frame, so even the bootstrap page's first refusals are heard. */
    private static final String LISTENER = """
            document.addEventListener('securitypolicyviolation', e => window.%s(
                `${e.effectiveDirective} refused ${e.blockedURI || 'inline'} on ${location.pathname}`
                + ` (${e.sourceFile || 'the page'}:${e.lineNumber})`));
            """.formatted(BINDING);

    private final List<String> reported = new ArrayList<>();

    /** Starts listening in every page the context opens from now on. */
    static PolicyViolations listenTo(BrowserContext context) {
        var violations = new PolicyViolations();
        context.exposeBinding(BINDING, (source, args) -> {
            violations.add(String.valueOf(args[0]));
            return null;
        });
        context.addInitScript(LISTENER);
        return violations;
    }

    private synchronized void add(String violation) {
        reported.add(violation);
    }

    synchronized boolean any() {
        return !reported.isEmpty();
    }

    /** What was reported so far, forgotten from now on: a test that provokes a violation on purpose takes it. */
    synchronized List<String> takeAll() {
        List<String> taken = List.copyOf(reported);
        reported.clear();
        return taken;
    }

    synchronized void assertNone() {
        if (!reported.isEmpty()) {
            throw new AssertionError("The page reported %d content security policy violation(s):%n  %s"
                    .formatted(reported.size(), String.join(System.lineSeparator() + "  ", reported)));
        }
    }
}
