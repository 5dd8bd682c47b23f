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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo provider's hosted page for saving a card without a payment: Save, Decline, Leave pending (the issuer has
 * not confirmed yet; the page stays open and can be finished later) or Cancel, then a 303 back to the merchant.
 */
@RestController
@RequestMapping(DemoSetupController.BASE_PATH)
@ConditionalOnProvider(DemoGatewayProperties.SWITCH)
class DemoSetupController {

    static final String BASE_PATH = "/demo-gateway/setup";

    private final DemoProvider provider;

    DemoSetupController(DemoProvider provider) {
        this.provider = provider;
    }

    @GetMapping(value = "/{setupId}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String setupId, HttpServletRequest request) {
        return provider.findSetup(setupId)
                .map(setup -> ResponseEntity.ok()
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .body(setup.isOpen() ? openPage(setup, DemoCheckoutController.csrf(request))
                                : closedPage(setup)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(DemoCheckoutController.page("Setup not found", "<p>This page does not exist.</p>")));
    }

    @PostMapping(value = "/{setupId}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> act(@PathVariable String setupId, @RequestParam String action,
                               @RequestParam(required = false) @Nullable String card) {
        DemoProvider.SetupRow setup = provider.findSetup(setupId).orElse(null);
        DemoSetupAction parsed = parseAction(action);
        if (setup == null || parsed == null) {
            return ResponseEntity.badRequest()
                    .body(DemoCheckoutController.page("Setup not found", "<p>Unknown setup or action.</p>"));
        }
        DemoCard chosen = card == null ? null : DemoCard.byNumber(card).orElse(null);
        if (parsed == DemoSetupAction.SAVE && chosen == null) {
            return ResponseEntity.badRequest()
                    .body(DemoCheckoutController.page("Unknown card", "<p>Choose one of the test cards.</p>"));
        }
        provider.completeSetup(setupId, parsed, chosen);
        String target = parsed == DemoSetupAction.CANCEL ? setup.cancelPath() : setup.returnPath();
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, target).build();
    }

    private static @Nullable DemoSetupAction parseAction(String action) {
        try {
            return DemoSetupAction.valueOf(action.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String openPage(DemoProvider.SetupRow setup, String csrfField) {
        String cards = DemoCard.options("is saved", "is saved, later charges need authentication",
                "is saved, later charges are declined");
        String action = BASE_PATH + "/" + htmlEscape(setup.id());
        String pending = setup.status().equals("LEFT_PENDING")
                ? "<p class=\"note\" id=\"left-pending\">The card issuer has not confirmed this card yet.</p>" : "";
        String body = """
                <p class="merchant">%s</p>
                <p class="amount">Save a card</p>
                <dl><dt>Payer</dt><dd id="payer">%s</dd></dl>
                %s
                <form method="post" action="%s">
                  %s
                  <label for="card">Test card</label>
                  <select id="card" name="card">%s</select>
                  <p class="note">No money is taken now. The card is kept for future payments.</p>
                  <button id="save" class="primary" name="action" value="save">Save card</button>
                  <button id="decline" name="action" value="decline">Decline</button>
                  <button id="pending" name="action" value="leave_pending">Leave pending</button>
                  <button id="cancel" name="action" value="cancel">Cancel and return</button>
                </form>
                <p class="note">This is Billfold's demo provider. No real card is stored.</p>
                """.formatted(htmlEscape(setup.merchant()), htmlEscape(setup.payerName()), pending, action, csrfField,
                        cards);
        return DemoCheckoutController.page("Save a card", body);
    }

    private static String closedPage(DemoProvider.SetupRow setup) {
        return DemoCheckoutController.page("Setup closed", """
                <p>This card setup is already %s.</p>
                <p><a href="%s">Return to %s</a></p>""".formatted(htmlEscape(setup.status().toLowerCase(Locale.ROOT)),
                htmlEscape(setup.returnPath()), htmlEscape(setup.merchant())));
    }
}
