package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.billfold.e2e.Portal.usd;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.billfold.gateway.paypal.PayPalFake;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Paying with PayPal in the browser: the production app, its PayPal SDK talking to a local PayPal, and back. */
@ExtendWith(BrowserExtension.class)
class PayPalJourneyE2E {

    @Test
    void top_up_with_paypal_is_approved_at_paypal_captured_on_return_and_credited(Page page, ProductionApp app) {
        PayPalFake paypal = app.payPal();
        String orderId = "E2E" + UUID.randomUUID().toString().replace("-", "").substring(0, 14).toUpperCase();
        paypal.createsOrder(orderId, paypal.servesApprovalPage(orderId));
        var portal = new Portal(page).signInAsDemo();
        BigDecimal before = portal.headerBalanceValue();

        portal.typeAmount("25").chooseMethod(Portal.PAYPAL);
        portal.payButton().click();
        page.waitForURL(paypal.baseUrl() + "/checkoutnow?token=" + orderId);

        // What the app asked PayPal for: the amount, our key, and a way back to this app.
        JsonNode order = JsonMapper.builder().build().readTree(paypal.creates().getLast().getBodyAsString());
        JsonNode unit = order.path("purchase_units").path(0);
        String key = unit.path("custom_id").asString();
        String returnUrl = order.path("payment_source").path("paypal").path("experience_context").path("return_url").asString();
        assertThat(unit.path("amount").path("value").asString()).isEqualTo("25.00");
        assertThat(returnUrl).startsWith(app.baseUrl() + "/payment-return/");

        paypal.orderIs(orderId, "APPROVED", key, "25.00");
        paypal.captures(orderId, key, "25.00", "USD", "COMPLETED", false);
        paypal.approvalReturnsTo(orderId, returnUrl);
        page.locator("#approve").click();
        portal.awaitHistoryWithPayment();

        assertThat(portal.banner()).hasAttribute("data-kind", "credited");
        assertThat(portal.banner()).containsText("$25.00 was added to your balance");
        assertThat(portal.detailStatus()).hasText("Credited");
        assertThat(portal.headerBalance()).hasText(usd(before.add(new BigDecimal("25.00"))));
        assertThat(paypal.capturesOf(orderId)).singleElement()
                .extracting(r -> r.getHeader("PayPal-Request-Id")).isEqualTo(key + ":capture");
    }
}
