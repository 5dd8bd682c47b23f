package dev.billfold.gateway.demo;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import dev.billfold.gateway.ConditionalOnProvider;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo provider's hosted checkout page. Like a real provider's page it lives outside the portal's UI: plain
 * HTML, a form per action, and a 303 back to the merchant's return path.
 */
@RestController
@RequestMapping(DemoCheckoutController.BASE_PATH)
@ConditionalOnProvider(DemoGatewayProperties.SWITCH)
class DemoCheckoutController {

    static final String BASE_PATH = "/demo-gateway/checkout";
    /** On every page of the demo provider, whatever the profile: it never moves real money. */
    static final String NO_REAL_MONEY = "Demo Pay is Billfold's demo provider: test cards only. No real money moves.";

    private final DemoProvider provider;

    DemoCheckoutController(DemoProvider provider) {
        this.provider = provider;
    }

    @GetMapping(value = "/{checkoutId}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String checkoutId, HttpServletRequest request) {
        return provider.findCheckout(checkoutId)
                .map(checkout -> ResponseEntity.ok()
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .body(checkout.isOpen() ? openPage(checkout, csrf(request)) : closedPage(checkout)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(page("Checkout not found", "<p>This checkout does not exist.</p>")));
    }

    @PostMapping(value = "/{checkoutId}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> act(@PathVariable String checkoutId, @RequestParam String action,
                               @RequestParam(required = false) @Nullable String card) {
        DemoProvider.CheckoutRow checkout = provider.findCheckout(checkoutId).orElse(null);
        DemoCheckoutAction parsed = parseAction(action);
        if (checkout == null || parsed == null) {
            return ResponseEntity.badRequest().body(page("Checkout not found", "<p>Unknown checkout or action.</p>"));
        }
        DemoCard chosen = card == null ? null : DemoCard.byNumber(card).orElse(null);
        if (parsed == DemoCheckoutAction.PAY && chosen == null) {
            return ResponseEntity.badRequest().body(page("Unknown card", "<p>Choose one of the test cards.</p>"));
        }
        provider.completeCheckout(checkoutId, parsed, chosen);
        // A closed checkout still redirects back: the merchant asks us for the truth either way.
        String target = parsed == DemoCheckoutAction.CANCEL ? checkout.cancelPath() : checkout.returnPath();
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, target).build();
    }

    private static @Nullable DemoCheckoutAction parseAction(String action) {
        try {
            return DemoCheckoutAction.valueOf(action.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String csrf(HttpServletRequest request) {
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            return "<input type=\"hidden\" name=\"%s\" value=\"%s\">".formatted(htmlEscape(token.getParameterName()),
                    htmlEscape(token.getToken()));
        }
        return "";
    }

    private static String openPage(DemoProvider.CheckoutRow checkout, String csrfField) {
        String cards = DemoCard.options("succeeds", "succeeds now, later charges need authentication");
        String action = BASE_PATH + "/" + htmlEscape(checkout.id());
        String body = """
                <p class="merchant">%s</p>
                <p class="amount" id="amount">%s</p>
                <dl>
                  <dt>Payer</dt><dd id="payer">%s</dd>
                  <dt>For</dt><dd>%s</dd>
                </dl>
                <form method="post" action="%s">
                  %s
                  <label for="card">Test card</label>
                  <select id="card" name="card">%s</select>
                  %s
                  <button id="pay" class="primary" name="action" value="pay">Pay %s</button>
                  <button id="decline" name="action" value="decline">Decline</button>
                  <button id="pending" name="action" value="leave_pending">Leave pending</button>
                  <button id="cancel" name="action" value="cancel">Cancel and return</button>
                </form>
                <p class="note">This is Billfold's demo provider. No real money moves.</p>
                """.formatted(htmlEscape(checkout.merchant()), htmlEscape(checkout.amount().format()),
                htmlEscape(checkout.payerName()), htmlEscape(checkout.description()), action, csrfField, cards,
                checkout.saveCard() ? "<p class=\"note\">The card will be saved for future payments.</p>" : "",
                htmlEscape(checkout.amount().format()));
        return page("Pay " + checkout.amount().format(), body);
    }

    private static String closedPage(DemoProvider.CheckoutRow checkout) {
        return page("Checkout closed", """
                <p>This checkout is already %s.</p>
                <p><a href="%s">Return to %s</a></p>""".formatted(
                htmlEscape(checkout.status().toLowerCase(Locale.ROOT)),
                htmlEscape(checkout.returnPath()), htmlEscape(checkout.merchant())));
    }

    static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Demo Pay</title>
                <style>
                  body{font-family:system-ui,sans-serif;background:#f3f5f9;margin:0;padding:1rem;color:#1d2733}
                  main{max-width:26rem;margin:2rem auto;background:#fff;border-radius:12px;padding:1.5rem;
                    box-shadow:0 2px 12px rgba(0,0,0,.08)}
                  h1{font-size:1rem;color:#5b6675;margin:0 0 1rem}
                  .merchant{font-weight:600;margin:0}.amount{font-size:2rem;font-weight:700;margin:.25rem 0 1rem}
                  dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem;margin:0 0 1rem}\
                dt{color:#5b6675}dd{margin:0}
                  label{display:block;font-size:.875rem;color:#5b6675;margin-bottom:.25rem}
                  select,button{width:100%%;font:inherit;padding:.7rem;border-radius:8px;border:1px solid #c9d1dc;
                    margin-bottom:.6rem;background:#fff}
                  button.primary{background:#2563eb;color:#fff;border-color:#2563eb;font-weight:600}
                  .note{font-size:.8rem;color:#5b6675}
                  .no-real-money{max-width:26rem;margin:0 auto;padding:.5rem .75rem;border-radius:8px;
                    background:#fff4d6;color:#6b4e00;font-size:.875rem}
                </style></head>
                <body><p class="no-real-money" role="status">%s</p>
                <main><h1>Demo Pay · secure checkout</h1>%s</main></body></html>
                """.formatted(htmlEscape(title), htmlEscape(NO_REAL_MONEY), body);
    }
}
