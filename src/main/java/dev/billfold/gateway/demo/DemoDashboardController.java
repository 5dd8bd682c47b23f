package dev.billfold.gateway.demo;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import dev.billfold.base.Money;
import dev.billfold.gateway.ConditionalOnProvider;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * The demo provider's merchant dashboard, where money goes back as it does in Stripe's or PayPal's: a refund of a
 * paid checkout or charge (at once, or pending until completed or failed), and the cardholder's dispute with its
 * outcome. Billfold learns all of it the way it learns a real provider's, by asking (the poller), so the embedded
 * default shows refunds and disputes end to end without keys (DD-070). Only Finance and Admin staff reach it
 * (security.SecurityConfig): it moves customers' balances.
 */
@RestController
@RequestMapping(DemoDashboardController.BASE_PATH)
@ConditionalOnProvider(DemoGatewayProperties.SWITCH)
class DemoDashboardController {

    static final String BASE_PATH = "/demo-gateway/dashboard";
    private static final int SHOWN = 50;
    /** What the page says after an action; only these texts, never one from the request. */
    private static final Map<String, String> NOTICES = Map.of(
            "refunded", "Refund created.",
            "refund-refused", "Refund refused: the amount must be positive and at most what is left to refund.",
            "disputed", "Dispute opened.",
            "dispute-refused", "This payment already has an open dispute.",
            "settled", "Done.",
            "unchanged", "Nothing changed: it was already decided.");

    private final DemoProvider provider;

    DemoDashboardController(DemoProvider provider) {
        this.provider = provider;
    }

    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@RequestParam(required = false) @Nullable String notice, HttpServletRequest request) {
        String csrf = DemoCheckoutController.csrf(request);
        String rows = provider.paid(SHOWN).stream().map(paid -> row(paid, csrf)).collect(Collectors.joining());
        String message = notice == null || !NOTICES.containsKey(notice) ? ""
                : "<p id=\"notice\" role=\"status\">%s</p>".formatted(htmlEscape(NOTICES.get(notice)));
        String body = """
                %s
                <p class="note">Payments received by Demo Pay, newest first. A refund or a dispute here reaches
                Billfold at its next poll, as a real provider's would.</p>
                %s""".formatted(message, rows.isEmpty() ? "<p id=\"no-payments\">No payments yet.</p>" : rows);
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(DemoCheckoutController.page("Merchant dashboard", body));
    }

    @PostMapping("/payments/{paymentRef}/refund")
    ResponseEntity<String> refund(@PathVariable String paymentRef, @RequestParam String amount,
                                  @RequestParam(required = false) @Nullable String pending) {
        DemoProvider.PaidRow paid = provider.findPaid(paymentRef).orElse(null);
        Money money = paid == null ? null : parse(amount, paid);
        boolean done = money != null && provider.refund(paymentRef, money, pending != null, null).isPresent();
        return back(done ? "refunded" : "refund-refused");
    }

    @PostMapping("/payments/{paymentRef}/dispute")
    ResponseEntity<String> dispute(@PathVariable String paymentRef) {
        return back(provider.openDispute(paymentRef).isPresent() ? "disputed" : "dispute-refused");
    }

    @PostMapping("/refunds/{refundId}")
    ResponseEntity<String> settleRefund(@PathVariable String refundId, @RequestParam String outcome) {
        return back(provider.settleRefund(refundId, "complete".equals(outcome)) ? "settled" : "unchanged");
    }

    @PostMapping("/disputes/{disputeId}")
    ResponseEntity<String> closeDispute(@PathVariable String disputeId, @RequestParam String outcome) {
        return back(provider.closeDispute(disputeId, "won".equals(outcome)) ? "settled" : "unchanged");
    }

    private static @Nullable Money parse(String amount, DemoProvider.PaidRow paid) {
        try {
            return Money.of(new BigDecimal(amount.strip()), paid.amount().currency());
        } catch (RuntimeException notMoney) {
            return null;
        }
    }

    private static ResponseEntity<String> back(String notice) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .header(HttpHeaders.LOCATION, BASE_PATH + "?notice=" + notice).build();
    }

    private String row(DemoProvider.PaidRow paid, String csrf) {
        String id = htmlEscape(paid.id());
        List<DemoProvider.RefundRow> refunds = provider.refundsOf(paid.id());
        List<DemoProvider.DisputeRow> disputes = provider.disputesOf(paid.id());
        String refundLines = refunds.stream().map(r -> """
                <li id="refund-%1$s">Refund %2$s: <span class="status">%3$s</span>%4$s</li>""".formatted(
                htmlEscape(r.id()), htmlEscape(r.amount().format()), htmlEscape(r.status().toLowerCase(Locale.ROOT)),
                r.status().equals("PENDING") ? """
                         <form method="post" action="%1$s/refunds/%2$s">%3$s
                         <button id="complete-%2$s" name="outcome" value="complete">Complete</button>
                         <button id="fail-%2$s" name="outcome" value="fail">Fail</button></form>"""
                        .formatted(BASE_PATH, htmlEscape(r.id()), csrf) : ""))
                .collect(Collectors.joining());
        String disputeLines = disputes.stream().map(d -> """
                <li id="dispute-%1$s">Dispute %2$s: <span class="status">%3$s</span>%4$s</li>""".formatted(
                htmlEscape(d.id()), htmlEscape(d.amount().format()), htmlEscape(d.status().toLowerCase(Locale.ROOT)),
                d.status().equals("OPEN") ? """
                         <form method="post" action="%1$s/disputes/%2$s">%3$s
                         <button id="won-%2$s" name="outcome" value="won">Won</button>
                         <button id="lost-%2$s" name="outcome" value="lost">Lost</button></form>"""
                        .formatted(BASE_PATH, htmlEscape(d.id()), csrf) : ""))
                .collect(Collectors.joining());
        return """
                <section class="payment" id="payment-%1$s">
                  <p class="merchant">%3$s · %4$s</p><p class="note">%2$s</p>
                  <ul>%5$s%6$s</ul>
                  <form method="post" action="%7$s/payments/%1$s/refund">%8$s
                    <label for="refund-amount-%1$s">Refund amount</label>
                    <input id="refund-amount-%1$s" name="amount" value="%9$s" inputmode="decimal">
                    <label><input type="checkbox" id="refund-pending-%1$s" name="pending" value="on">
                      Leave the refund pending</label>
                    <button id="refund-%1$s" class="primary">Refund</button>
                  </form>
                  <form method="post" action="%7$s/payments/%1$s/dispute">%8$s
                    <button id="dispute-%1$s">Cardholder disputes it</button>
                  </form>
                </section>""".formatted(id, htmlEscape(paid.label()), htmlEscape(paid.amount().format()),
                htmlEscape(paid.kind()), refundLines, disputeLines, BASE_PATH, csrf,
                htmlEscape(paid.amount().value().toPlainString()));
    }
}
