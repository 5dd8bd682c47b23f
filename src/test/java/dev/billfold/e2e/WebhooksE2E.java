package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.billfold.webhook.StandardWebhooksVerifier;
import dev.billfold.webhook.WebhookReceiver;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 17's journey: an Admin registers a webhook endpoint in the back office and copies its secret; the demo
 * customer then tops up in the portal, and the receiver gets the credit as payment.credited, signed with that secret.
 */
@ExtendWith(BrowserExtension.class)
class WebhooksE2E {

    @Test
    void an_admin_registers_an_endpoint_and_a_top_up_in_the_portal_reaches_it_as_payment_credited(Page page,
                                                                                                ProductionApp app) {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            signIn(page, "operator");
            page.navigate("/ops/webhooks");
            page.locator("#webhook-url input").fill(receiver.url("/provisioning"));
            page.locator("#webhook-description input").fill("Provisioning (browser journey)");
            page.locator("#webhook-create").click();
            assertThat(page.locator("#webhooks-banner")).containsText("Endpoint registered");
            String secret = page.locator("#webhook-secret input").inputValue();
            assertThat(secret).startsWith("whsec_");
            page.locator("#ops-sign-out").click();
            page.waitForURL(url -> url.contains("/login"));

            var portal = new Portal(page).signInAsDemo();
            portal.typeAmount("12.34").payAndExpectHistory();
            assertThat(portal.banner()).hasAttribute("data-kind", "credited");

            WebhookReceiver.waitFor(() -> credited(receiver).size() == 1, "payment.credited at the receiver");
            WebhookReceiver.Received request = credited(receiver).getFirst();
            StandardWebhooksVerifier.verify(secret, request, Instant.now());
            assertThat(request.body()).contains("\"value\":\"12.34\"", "\"currency\":\"USD\"",
                    "\"account\":\"" + Portal.DEMO_ACCOUNT + "\"");
        } finally {
            app.switchWebhooksOff();
        }
    }

    private static List<WebhookReceiver.Received> credited(WebhookReceiver receiver) {
        return receiver.at("/provisioning").stream()
                .filter(request -> request.body().contains("\"type\":\"payment.credited\"")).toList();
    }

    private static void signIn(Page page, String username) {
        page.navigate("/login");
        page.locator("vaadin-login-form input[name='username']").fill(username);
        page.locator("vaadin-login-form input[name='password']").fill("demo");
        page.locator("vaadin-login-form vaadin-button[slot='submit']").click();
        page.waitForURL(url -> url.contains("/ops"));
    }
}
