package dev.billfold.gateway.demo;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import dev.billfold.gateway.ConditionalOnProvider;
import jakarta.servlet.http.HttpServletRequest;
import dev.billfold.base.Texts;
import java.util.Collections;
import java.util.Locale;
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

    private final DemoProvider provider;

    DemoCheckoutController(DemoProvider provider) {
        this.provider = provider;
    }

    @GetMapping(value = "/{checkoutId}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String checkoutId, HttpServletRequest request) {
        String tag = languageOf(request);
        return provider.findCheckout(checkoutId)
                .map(checkout -> ResponseEntity.ok()
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .body(checkout.isOpen() ? openPage(checkout, csrf(request), tag) : closedPage(checkout, tag)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(page(tag,
                        text(tag, "democheckout.not-found.title"), p(text(tag, "democheckout.not-found.body")))));
    }

    @PostMapping(value = "/{checkoutId}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> act(@PathVariable String checkoutId, @RequestParam String action,
                               @RequestParam(required = false) @Nullable String card, HttpServletRequest request) {
        String tag = languageOf(request);
        DemoProvider.CheckoutRow checkout = provider.findCheckout(checkoutId).orElse(null);
        DemoCheckoutAction parsed = parseAction(action);
        if (checkout == null || parsed == null) {
            return ResponseEntity.badRequest().body(page(tag, text(tag, "democheckout.not-found.title"),
                    p(text(tag, "democheckout.unknown-action"))));
        }
        DemoCard chosen = card == null ? null : DemoCard.byNumber(card).orElse(null);
        if (parsed == DemoCheckoutAction.PAY && chosen == null) {
            return ResponseEntity.badRequest().body(page(tag, text(tag, "democheckout.unknown-card.title"),
                    p(text(tag, "democheckout.unknown-card.body"))));
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

    private static String openPage(DemoProvider.CheckoutRow checkout, String csrfField, String tag) {
        String cards = DemoCard.options(text(tag, "democheckout.card.succeeds"),
                text(tag, "democheckout.card.needs-authentication"), Locale.of(tag));
        String action = BASE_PATH + "/" + htmlEscape(checkout.id());
        String amount = checkout.amount().format(Locale.of(tag));
        String body = """
                <p class="merchant">%s</p>
                <p class="amount" id="amount">%s</p>
                <dl>
                  <dt>%s</dt><dd id="payer">%s</dd>
                  <dt>%s</dt><dd>%s</dd>
                </dl>
                <form method="post" action="%s">
                  %s
                  <label for="card">%s</label>
                  <select id="card" name="card">%s</select>
                  %s
                  <button id="pay" class="primary" name="action" value="pay">%s</button>
                  <button id="decline" name="action" value="decline">%s</button>
                  <button id="pending" name="action" value="leave_pending">%s</button>
                  <button id="cancel" name="action" value="cancel">%s</button>
                </form>
                <p class="note">%s</p>
                """.formatted(htmlEscape(checkout.merchant()), htmlEscape(amount),
                htmlEscape(text(tag, "democheckout.payer")), htmlEscape(checkout.payerName()),
                htmlEscape(text(tag, "democheckout.for")), htmlEscape(checkout.description()), action, csrfField,
                htmlEscape(text(tag, "democheckout.test-card")), cards,
                checkout.saveCard() ? "<p class=\"note\">" + htmlEscape(text(tag, "democheckout.card-saved")) + "</p>"
                        : "",
                htmlEscape(text(tag, "democheckout.pay", amount)), htmlEscape(text(tag, "democheckout.decline")),
                htmlEscape(text(tag, "democheckout.leave-pending")), htmlEscape(text(tag, "democheckout.cancel")),
                htmlEscape(text(tag, "democheckout.note")));
        return page(tag, text(tag, "democheckout.pay", amount), body);
    }

    private static String closedPage(DemoProvider.CheckoutRow checkout, String tag) {
        return page(tag, text(tag, "democheckout.closed.title"), """
                <p>%s</p>
                <p><a href="%s">%s</a></p>""".formatted(
                htmlEscape(text(tag, "democheckout.closed.body", checkout.status().toLowerCase(Locale.ROOT))),
                htmlEscape(checkout.returnPath()), htmlEscape(text(tag, "democheckout.return", checkout.merchant()))));
    }

    /**
     * The language of the checkout: the first of the browser's Accept-Language that Billfold speaks, as a provider's
     * own page would choose it; English otherwise.
     */
    static String languageOf(HttpServletRequest request) {
        for (Locale locale : Collections.list(request.getLocales())) {
            if (Texts.TAGS.contains(locale.getLanguage())) {
                return locale.getLanguage();
            }
        }
        return "en";
    }

    private static String text(String tag, String key, Object... params) {
        return Texts.shipped().text(tag, key, params);
    }

    private static String p(String text) {
        return "<p>" + htmlEscape(text) + "</p>";
    }

    /** A page of the demo provider in English: its dashboard, phone and authentication pages are not translated. */
    static String page(String title, String body) {
        return page("en", title, body);
    }

    static String page(String tag, String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="utf-8">
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
                <main><h1>%s</h1>%s</main></body></html>
                """.formatted(tag, htmlEscape(title), htmlEscape(text(tag, "democheckout.no-real-money")),
                htmlEscape(text(tag, "democheckout.heading")), body);
    }
}
