package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Page;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The browser enforces the production jar's content security policy, and the harness hears every refusal: what an
 * injected script or a foreign resource would do is refused, reported, and would fail the test it happened in
 * ({@link PolicyViolations#assertNone}, which {@link BrowserExtension} runs after every test). These tests provoke
 * the refusals on purpose and take them, so that only they pass with a violation.
 */
@ExtendWith(BrowserExtension.class)
class ContentSecurityPolicyE2E {

    @Test
    void an_injected_inline_script_does_not_run_and_the_page_reports_it(Page page, PolicyViolations violations) {
        page.navigate("/login");
        assertThat(page.locator("vaadin-login-form")).isVisible();

        page.evaluate("() => { const script = document.createElement('script');"
                + " script.textContent = 'window.injected = true'; document.head.append(script); }");

        page.waitForCondition(violations::any);
        assertThat(page.evaluate("() => window.injected === true")).isEqualTo(false);
        assertThatThrownBy(violations::assertNone).hasMessageContaining("script-src-elem refused inline on /login");
        assertThat(violations.takeAll()).hasSize(1);
    }

    @Test
    void a_resource_from_another_origin_is_not_loaded_and_the_page_reports_it(Page page, PolicyViolations violations) {
        page.navigate("/login");
        assertThat(page.locator("vaadin-login-form")).isVisible();
        // The same server under another name is another origin: localhost serves the page, 127.0.0.1 the image.
        String otherOrigin = "http://127.0.0.1:" + URI.create(page.url()).getPort();
        String foreign = otherOrigin + "/icons/icon.png";

        page.evaluate("url => { const image = new Image(); image.src = url; document.body.append(image); }", foreign);

        page.waitForCondition(violations::any);
        List<String> reported = violations.takeAll();
        assertThat(reported).singleElement().asString().startsWith("img-src refused " + otherOrigin);
    }
}
