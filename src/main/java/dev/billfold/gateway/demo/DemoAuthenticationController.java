package dev.billfold.gateway.demo;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import dev.billfold.gateway.ConditionalOnProvider;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
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
 * The demo provider's stand-in for the card issuer's authentication (3-D Secure) page, for a saved-card charge that
 * waits for its cardholder. Like a real bank's page it lives outside the portal and sends the customer back with a 303
 * to the merchant's return path, where the merchant asks the provider for the outcome.
 */
@RestController
@RequestMapping(DemoAuthenticationController.BASE_PATH)
@ConditionalOnProvider(DemoGatewayProperties.SWITCH)
class DemoAuthenticationController {

    static final String BASE_PATH = "/demo-gateway/authenticate";

    private final DemoProvider provider;

    DemoAuthenticationController(DemoProvider provider) {
        this.provider = provider;
    }

    @GetMapping(value = "/{chargeId}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String chargeId, HttpServletRequest request) {
        DemoProvider.ChargeRow charge = provider.findCharge(chargeId).orElse(null);
        if (charge == null || charge.returnPath() == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(DemoCheckoutController.page("Payment not found",
                            "<p>No payment waits for a confirmation here.</p>"));
        }
        String body = charge.waitsForCardholder() ? """
                <p class="merchant">Your bank · payment confirmation</p>
                <p class="amount" id="amount">%s</p>
                <p>Confirm that you are making this payment with your saved card.</p>
                <form method="post" action="%s">
                  %s
                  <button id="confirm" class="primary" name="action" value="confirm">Confirm payment</button>
                  <button id="fail" name="action" value="fail">Fail authentication</button>
                  <button id="cancel" name="action" value="cancel">Cancel and return</button>
                </form>
                <p class="note">This is Billfold's demo provider. No real money moves.</p>
                """.formatted(htmlEscape(charge.amount().format()), BASE_PATH + "/" + htmlEscape(charge.id()),
                DemoCheckoutController.csrf(request))
                : """
                <p>This payment is already %s.</p>
                <p><a href="%s">Return to the merchant</a></p>""".formatted(
                htmlEscape(charge.status().toLowerCase(Locale.ROOT)), htmlEscape(charge.returnPath()));
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(DemoCheckoutController.page("Confirm " + charge.amount().format(), body));
    }

    @PostMapping(value = "/{chargeId}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> act(@PathVariable String chargeId, @RequestParam String action) {
        DemoProvider.ChargeRow charge = provider.findCharge(chargeId).orElse(null);
        if (charge == null || charge.returnPath() == null || !(action.equals("confirm") || action.equals("fail")
                || action.equals("cancel"))) {
            return ResponseEntity.badRequest().body(DemoCheckoutController.page("Payment not found",
                    "<p>Unknown payment or action.</p>"));
        }
        if (!action.equals("cancel")) {
            provider.completeAuthentication(chargeId, action.equals("confirm"));
        }
        // A decided charge still goes back: the merchant asks us for the truth either way.
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, charge.returnPath()).build();
    }
}
