package dev.billfold.gateway.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.billfold.AtOnce;
import dev.billfold.ledger.LedgerChecks;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.polling.Poller;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Refunds and disputes made at Stripe reach the balance through Stripe's real SDK (signature, event parsing, the
 * PaymentIntent asked for our key) against the local fake: partial and full refunds, pending then failed, duplicates
 * and redeliveries, disputes created, won and lost, bad signatures refused before any write (DD-070). Runs on H2 and
 * on PostgreSQL.
 */
abstract class StripeRefundWebhookContract extends StripeTestSupport {

    @Autowired
    List<Poller> pollers;

    @AfterEach
    void ledgerInvariant() {
        assertThat(LedgerChecks.isConsistent(ledger, customer.accountId())).isTrue();
        assertThat(LedgerChecks.causesPostedTwice(jdbc, customer.accountId())).isZero();
    }

    @Test
    void a_partial_refund_in_the_dashboard_debits_once_and_its_redelivery_and_later_events_change_nothing() {
        Credited paid = credited();
        String refund = refund("re_" + UUID.randomUUID(), 3000, "succeeded", paid.intent());
        String event = StripeFake.event(StripeFake.id("evt"), "charge.refunded", charge(paid.intent(), 3000, refund));

        assertThat(postSignedWebhook(event).body()).isEqualTo("processed");
        assertThat(postSignedWebhook(event).body()).as("the same event again").isEqualTo("duplicate");
        assertThat(postSignedWebhook(StripeFake.event(StripeFake.id("evt"), "refund.updated", refund)).body())
                .as("the refund's own event, after the charge's").isEqualTo("processed");

        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("220.00");
        assertThat(entries("REFUND")).isEqualTo(1);
        assertThat(status(paid.id())).isEqualTo("CREDITED");
        assertThat(StripeFake.gets("/v1/payment_intents/" + paid.intent())).as("our key comes from the intent")
                .isNotEmpty();
    }

    @Test
    void a_full_refund_makes_the_payment_refunded() {
        Credited paid = credited();
        String refund = refund("re_" + UUID.randomUUID(), 25000, "succeeded", paid.intent());

        postSignedWebhook(StripeFake.event(StripeFake.id("evt"), "charge.refunded", charge(paid.intent(), 25000,
                refund)));

        assertThat(status(paid.id())).isEqualTo("REFUNDED");
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0.00");
    }

    @Test
    void a_pending_refund_debits_at_once_and_refund_failed_returns_it_once() {
        Credited paid = credited();
        String id = "re_" + UUID.randomUUID();
        postSignedWebhook(StripeFake.event(StripeFake.id("evt"), "refund.created",
                refund(id, 10000, "pending", paid.intent())));
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("150.00");

        String failed = StripeFake.event(StripeFake.id("evt"), "refund.failed", refund(id, 10000, "failed",
                paid.intent()));
        assertThat(postSignedWebhook(failed).body()).isEqualTo("processed");
        postSignedWebhook(StripeFake.event(StripeFake.id("evt"), "refund.updated", refund(id, 10000, "pending",
                paid.intent())));

        assertThat(data.balance(customer.accountId())).as("returned once; the late 'pending' changes nothing")
                .isEqualByComparingTo("250.00");
        assertThat(entries("REFUND")).isEqualTo(1);
        assertThat(entries("REFUND_RETURN")).isEqualTo(1);
    }

    @Test
    void a_dispute_debits_when_created_and_a_won_one_is_credited_back_once() {
        Credited paid = credited();
        String id = "dp_" + UUID.randomUUID();
        postSignedWebhook(StripeFake.event(StripeFake.id("evt"), "charge.dispute.created",
                dispute(id, "needs_response", paid.intent())));
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0.00");
        assertThat(reasonShown(paid.id())).isEqualTo("needs response");

        postSignedWebhook(StripeFake.event(StripeFake.id("evt"), "charge.dispute.updated",
                dispute(id, "under_review", paid.intent())));
        postSignedWebhook(StripeFake.event(StripeFake.id("evt"), "charge.dispute.closed",
                dispute(id, "won", paid.intent())));
        postSignedWebhook(StripeFake.event(StripeFake.id("evt"), "charge.dispute.closed",
                dispute(id, "won", paid.intent())));

        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("250.00");
        assertThat(entries("DISPUTE")).isEqualTo(1);
        assertThat(entries("DISPUTE_WON")).isEqualTo(1);
    }

    @Test
    void a_lost_dispute_stays_debited() {
        Credited paid = credited();
        String id = "dp_" + UUID.randomUUID();
        postSignedWebhook(StripeFake.event(StripeFake.id("evt"), "charge.dispute.created",
                dispute(id, "needs_response", paid.intent())));
        postSignedWebhook(StripeFake.event(StripeFake.id("evt"), "charge.dispute.closed",
                dispute(id, "lost", paid.intent())));

        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0.00");
        assertThat(entries("DISPUTE_WON")).isZero();
    }

    @Test
    void refund_and_dispute_webhooks_with_a_bad_signature_are_refused_before_any_write() {
        Credited paid = credited();
        String event = StripeFake.event(StripeFake.id("evt"), "charge.dispute.created",
                dispute("dp_" + UUID.randomUUID(), "needs_response", paid.intent()));
        HttpResponse<String> forged = postWebhook(event, StripeFake.sign(event, "whsec_not_ours",
                Instant.now().getEpochSecond()));
        HttpResponse<String> unsigned = postWebhook(StripeFake.event(StripeFake.id("evt"), "charge.refunded",
                charge(paid.intent(), 3000, refund("re_x", 3000, "succeeded", paid.intent()))), null);

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(unsigned.statusCode()).isEqualTo(400);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("250.00");
        assertThat(jdbc.sql("select count(*) from payment_dispute where payment_id = ?").param(paid.id().value())
                .query(Integer.class).single()
                + jdbc.sql("select count(*) from payment_refund where payment_id = ?").param(paid.id().value())
                .query(Integer.class).single()).isZero();
        assertThat(StripeFake.gets("/v1/payment_intents/" + paid.intent())).as("nothing asked of Stripe").isEmpty();
    }

    @Test
    void the_same_dispute_and_refund_events_delivered_many_times_at_once_move_the_balance_once() throws Exception {
        Credited paid = credited();
        String dispute = StripeFake.event(StripeFake.id("evt"), "charge.dispute.created",
                dispute("dp_" + UUID.randomUUID(), "needs_response", paid.intent()));
        String refundId = "re_" + UUID.randomUUID();
        String created = StripeFake.event(StripeFake.id("evt"), "refund.created",
                refund(refundId, 5000, "succeeded", paid.intent()));
        String updated = StripeFake.event(StripeFake.id("evt"), "refund.updated",
                refund(refundId, 5000, "succeeded", paid.intent()));

        List<Integer> codes = AtOnce.run(24, i -> postSignedWebhook(switch (i % 3) {
            case 0 -> dispute;
            case 1 -> created;
            default -> updated;
        }).statusCode());

        assertThat(codes).containsOnly(200);
        assertThat(entries("DISPUTE")).isEqualTo(1);
        assertThat(entries("REFUND")).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("-50.00");
    }

    @Test
    void a_refund_no_webhook_brought_is_learnt_by_the_poller_and_its_late_webhook_changes_nothing() {
        Credited paid = credited();
        String refundId = "re_" + UUID.randomUUID();
        String refund = refund(refundId, 4000, "succeeded", paid.intent());
        StripeFake.server().stubFor(get(urlPathEqualTo("/v1/refunds")).willReturn(list(refund)));
        StripeFake.server().stubFor(get(urlPathEqualTo("/v1/disputes")).willReturn(list("")));

        refundPoller().runCycle();

        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("210.00");
        // Other tests' Stripe payments share the database and are asked about in the same cycle: this one once.
        assertThat(StripeFake.gets("/v1/refunds")).filteredOn(asked -> asked.queryParameter("payment_intent")
                .isPresent() && asked.queryParameter("payment_intent").values().contains(paid.intent())).hasSize(1);
        assertThat(postSignedWebhook(StripeFake.event(StripeFake.id("evt"), "refund.updated", refund)).body())
                .isEqualTo("processed");
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("210.00");
        assertThat(entries("REFUND")).isEqualTo(1);
    }

    private Poller refundPoller() {
        return pollers.stream().filter(p -> p.description().equals("Refund reconciliation")).findFirst()
                .orElseThrow();
    }

    private static ResponseDefinitionBuilder list(String items) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                {"object":"list","data":[%s],"has_more":false,"url":"/v1/refunds"}""".formatted(items));
    }

    // --- a credited Stripe checkout and Stripe-shaped objects ---

    record Credited(PaymentId id, String intent) {
    }

    private Credited credited() {
        StripeFake.customerCreated(StripeFake.id("cus"));
        String sessionId = StripeFake.id("cs");
        StripeFake.sessionCreated(sessionId, "payment");
        var redirect = (TopUpOutcome.RedirectToProvider) topUps.topUp(new TopUpRequest(customer.person(), "250.00",
                new MethodChoice.Checkout("stripe"), false, UUID.randomUUID().toString()));
        String key = idempotencyKey(redirect.paymentId());
        String intent = StripeFake.id("pi");
        String paidSession = StripeFake.session(sessionId, "payment", "complete", "paid", 25000, "usd", key, false,
                "\"" + intent + "\"");
        StripeFake.sessionRetrieved(paidSession);
        assertThat(postSignedWebhook(StripeFake.event(StripeFake.id("evt"), "checkout.session.completed",
                paidSession)).body()).isEqualTo("processed");
        assertThat(status(redirect.paymentId())).isEqualTo("CREDITED");
        StripeFake.server().stubFor(get(urlPathEqualTo("/v1/payment_intents/" + intent)).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(StripeFake.paymentIntent(intent, "succeeded", 25000, "usd", key, "checkout", "null", ""))));
        StripeFake.server().resetRequests();
        return new Credited(redirect.paymentId(), intent);
    }

    private static String refund(String id, long amount, String status, String intent) {
        return """
                {"id":"%s","object":"refund","amount":%d,"currency":"usd","status":"%s","payment_intent":"%s",
                 "charge":"ch_%s","reason":"requested_by_customer","failure_reason":%s,"metadata":{}}"""
                .formatted(id, amount, status, intent, intent, "failed".equals(status) ? "\"lost_or_stolen_card\""
                        : "null");
    }

    private static String charge(String intent, long refunded, String refundJson) {
        return """
                {"id":"ch_%s","object":"charge","amount":25000,"amount_refunded":%d,"currency":"usd",
                 "payment_intent":"%s","metadata":{},"refunded":%s,
                 "refunds":{"object":"list","data":[%s],"has_more":false,"url":"/v1/charges/ch_%s/refunds"}}"""
                .formatted(intent, refunded, intent, refunded == 25000, refundJson, intent);
    }

    private static String dispute(String id, String status, String intent) {
        return """
                {"id":"%s","object":"dispute","amount":25000,"currency":"usd","status":"%s","reason":"fraudulent",
                 "payment_intent":"%s","charge":"ch_%s","metadata":{}}""".formatted(id, status, intent, intent);
    }

    private int entries(String kind) {
        return jdbc.sql("select count(*) from ledger_entry where account_id = ? and kind = ?")
                .params(customer.accountId().value(), kind).query(Integer.class).single();
    }

    private String reasonShown(PaymentId id) {
        return jdbc.sql("select provider_status from payment_dispute where payment_id = ?").param(id.value())
                .query(String.class).single();
    }
}
