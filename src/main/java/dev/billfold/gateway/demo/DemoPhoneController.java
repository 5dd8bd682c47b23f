package dev.billfold.gateway.demo;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import dev.billfold.gateway.ConditionalOnProvider;
import dev.billfold.gateway.GatewayRegistry;
import dev.billfold.gateway.PaymentNotifications;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo provider's stand-in for the customer's phone: the M-Pesa prompt, approve or decline. Like M-Pesa, it then
 * calls back, and Billfold asks it for the outcome before anything is credited ({@link DemoGateway#checkoutResult}).
 */
@RestController
@RequestMapping(DemoPhoneController.BASE_PATH)
@ConditionalOnProvider(DemoGatewayProperties.SWITCH)
class DemoPhoneController {

    static final String BASE_PATH = "/demo-gateway/phone";

    private static final Logger log = LoggerFactory.getLogger(DemoPhoneController.class);

    private final DemoProvider provider;
    private final GatewayRegistry gateways;
    private final PaymentNotifications notifications;

    DemoPhoneController(DemoProvider provider, GatewayRegistry gateways, PaymentNotifications notifications) {
        this.provider = provider;
        this.gateways = gateways;
        this.notifications = notifications;
    }

    @GetMapping(value = "/{checkoutId}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String checkoutId, HttpServletRequest request) {
        return provider.findCheckout(checkoutId)
                .map(push -> ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .body(push.isOpen() ? prompt(push, DemoCheckoutController.csrf(request)) : answered(push)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(
                        DemoCheckoutController.page("Not found", "<p>This phone request does not exist.</p>")));
    }

    @PostMapping(value = "/{checkoutId}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> answer(@PathVariable String checkoutId, @RequestParam String action) {
        DemoProvider.CheckoutRow push = provider.findCheckout(checkoutId).orElse(null);
        if (push == null || !(action.equals("approve") || action.equals("decline"))) {
            return ResponseEntity.badRequest().body(
                    DemoCheckoutController.page("Not found", "<p>Unknown phone request or answer.</p>"));
        }
        provider.answerOnPhone(checkoutId, action.equals("approve"));
        // The callback: news only; the outcome is what the provider answers when asked.
        var outcome = notifications.byProviderReference(DemoGateway.ID, checkoutId,
                gateways.find(DemoGateway.ID).orElseThrow().checkoutResult(checkoutId));
        log.info("Demo phone answered {} for {}: {}", action, checkoutId, outcome);
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(answered(provider.findCheckout(checkoutId).orElseThrow()));
    }

    private static String prompt(DemoProvider.CheckoutRow push, String csrfField) {
        String body = """
                <p class="merchant">M-Pesa · %s</p>
                <p class="amount" id="amount">%s</p>
                <p>Do you want to pay %s to %s? Enter your M-Pesa PIN to approve.</p>
                <form method="post" action="%s">
                  %s
                  <button id="approve" class="primary" name="action" value="approve">Approve (enter PIN)</button>
                  <button id="decline" name="action" value="decline">Decline</button>
                </form>
                <p class="note">This page stands for the customer's phone. No real money moves.</p>
                """.formatted(htmlEscape(push.payerName()), htmlEscape(push.amount().format()),
                htmlEscape(push.amount().format()), htmlEscape(push.merchant()),
                BASE_PATH + "/" + htmlEscape(push.id()), csrfField);
        return DemoCheckoutController.page("Approve on your phone", body);
    }

    private static String answered(DemoProvider.CheckoutRow push) {
        String text = push.status().equals("PAID") ? "Approved. You can go back to Billfold."
                : "Declined. Nothing was charged.";
        return DemoCheckoutController.page("Phone request answered",
                "<p id=\"phone-answer\">%s</p>".formatted(htmlEscape(text)));
    }
}
