package dev.billfold.gateway.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.billfold.BillfoldTest;
import dev.billfold.TestData;
import dev.billfold.ledger.LedgerChecks;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.paymentmethod.PaymentMethodId;
import dev.billfold.refund.RefundAsk;
import dev.billfold.refund.RefundDesk;
import dev.billfold.refund.RefundJobs;
import dev.billfold.refund.RefundRequestId;
import dev.billfold.refund.RefundService;
import dev.billfold.staff.StaffRole;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Refunds Billfold starts, sent to Stripe through the real stripe-java SDK against the local fake: a Refund on the
 * PaymentIntent with the part's key as Idempotency-Key and in the metadata; full and partial, pending then succeeded
 * by the webhook, refused, failed later, a lost answer asked again with the same key, duplicated webhooks.
 */
@BillfoldTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StripeRefundRequestTest extends StripeTestSupport {

    @Autowired
    RefundService refunds;
    @Autowired
    RefundDesk desk;
    @Autowired
    ApplicationContext context;

    @AfterEach
    void theLedgerHolds() {
        assertThat(LedgerChecks.isConsistent(ledger, customer.accountId())).isTrue();
    }

    @Test
    void a_full_refund_goes_to_the_payment_intent_with_the_parts_key_and_duplicate_webhooks_change_nothing() {
        String intent = paidByCard("10000");
        RefundRequestId request = askAndApprove("100.00", refundAnswers(200, refund("re_full_1", 10000, "succeeded",
                intent)));

        LoggedRequest sent = StripeFake.posts("/v1/refunds").getFirst();
        String key = RefundJobs.partKey(context, request);
        assertThat(sent.getHeader("Idempotency-Key")).isEqualTo(key);
        Map<String, String> form = StripeFake.form(sent);
        assertThat(form).containsEntry("payment_intent", intent).containsEntry("amount", "10000")
                .containsEntry("metadata[billfold_refund]", key).containsEntry("reason", "requested_by_customer");
        assertThat(RefundJobs.partStatus(context, request)).isEqualTo("SUCCEEDED");
        assertThat(paymentStatus()).isEqualTo("REFUNDED");
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0.00");

        String webhook = StripeFake.event(StripeFake.id("evt"), "refund.updated", refund("re_full_1", 10000,
                "succeeded", intent, key));
        assertThat(postSignedWebhook(webhook).statusCode()).isEqualTo(200);
        assertThat(postSignedWebhook(webhook).statusCode()).isEqualTo(200);
        assertThat(entries("REFUND")).as("never debited again as a refund from outside").isZero();
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0.00");
    }

    @Test
    void a_partial_refund_pending_at_stripe_is_settled_by_its_webhook() {
        String intent = paidByCard("10000");
        RefundRequestId request = askAndApprove("40.00", refundAnswers(200, refund("re_part_1", 4000, "pending",
                intent)));
        assertThat(RefundJobs.partStatus(context, request)).isEqualTo("PENDING");
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("60.00");

        String key = RefundJobs.partKey(context, request);
        postSignedWebhook(StripeFake.event(StripeFake.id("evt"), "refund.updated", refund("re_part_1", 4000,
                "succeeded", intent, key)));

        assertThat(RefundJobs.partStatus(context, request)).isEqualTo("SUCCEEDED");
        assertThat(paymentStatus()).as("refunded in part").isEqualTo("CREDITED");
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("60.00");
        assertThat(entries("REFUND")).isZero();
    }

    @Test
    void a_refund_stripe_refuses_returns_the_reservation_at_once() {
        paidByCard("10000");
        RefundRequestId request = askAndApprove("100.00", refundAnswers(400, """
                {"error":{"type":"invalid_request_error","code":"charge_already_refunded",
                 "message":"Charge has already been refunded."}}"""));

        assertThat(RefundJobs.partStatus(context, request)).isEqualTo("FAILED");
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("100.00");
        assertThat(entries("REFUND_RELEASED")).isEqualTo(1);
        assertThat(paymentStatus()).isEqualTo("CREDITED");
    }

    @Test
    void a_refund_that_fails_later_returns_the_reservation_once_however_often_stripe_says_so() {
        String intent = paidByCard("10000");
        RefundRequestId request = askAndApprove("100.00", refundAnswers(200, refund("re_late_1", 10000, "pending",
                intent)));
        String key = RefundJobs.partKey(context, request);

        String failed = StripeFake.event(StripeFake.id("evt"), "refund.failed", refund("re_late_1", 10000, "failed",
                intent, key));
        postSignedWebhook(failed);
        postSignedWebhook(failed);

        assertThat(RefundJobs.partStatus(context, request)).isEqualTo("FAILED");
        assertThat(entries("REFUND_RELEASED")).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("100.00");
        TestData.signIn(customer.username());
        assertThat(refunds.requests(0, 10).getFirst().reason()).isEqualTo(
                "The refund could not go back to the card: it is expired, cancelled, lost or stolen.");
    }

    @Test
    void a_lost_answer_is_asked_again_with_the_same_key_and_refunds_once() {
        String intent = paidByCard("10000");
        StripeFake.server().stubFor(post(urlPathEqualTo("/v1/refunds")).inScenario("lost")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"boom\"}}")));
        StripeFake.server().stubFor(post(urlPathEqualTo("/v1/refunds")).inScenario("lost")
                .whenScenarioStateIs("answers").willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(refund("re_lost_1", 10000, "succeeded", intent))));
        RefundRequestId request = askAndApprove("100.00", () -> { });
        assertThat(RefundJobs.partStatus(context, request)).as("no answer: still being sent").isEqualTo("SENDING");
        assertThat(data.balance(customer.accountId())).as("still reserved").isEqualByComparingTo("0.00");
        int tried = StripeFake.posts("/v1/refunds").size();

        StripeFake.server().setScenarioState("lost", "answers");
        RefundJobs.recheck(context);

        List<LoggedRequest> sent = StripeFake.posts("/v1/refunds");
        assertThat(sent).hasSize(tried + 1);
        assertThat(sent).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(
                RefundJobs.partKey(context, request));
        assertThat(RefundJobs.partStatus(context, request)).isEqualTo("SUCCEEDED");
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0.00");
    }

    private String paidByCard(String minor) {
        String customerId = "cus_" + UUID.randomUUID().toString().substring(0, 8);
        String methodId = "pm_" + UUID.randomUUID().toString().substring(0, 8);
        PaymentMethodId card = savedStripeCard(customer.person(), customerId, methodId);
        String intent = StripeFake.id("pi");
        String requestKey = UUID.randomUUID().toString();
        String json = StripeFake.paymentIntent(intent, "succeeded", Long.parseLong(minor), "usd", "topup:" + requestKey,
                "charge", "\"" + methodId + "\"", "");
        StripeFake.paymentIntentCreated(json);
        StripeFake.paymentIntentIs(intent, json);
        var outcome = (TopUpOutcome.Completed) topUps.topUp(new TopUpRequest(customer.person(),
                String.valueOf(Long.parseLong(minor) / 100), new MethodChoice.Saved(card), false, requestKey));
        assertThat(outcome.status().name()).isEqualTo("CREDITED");
        payment = outcome.paymentId();
        return intent;
    }

    private PaymentId payment;

    private RefundRequestId askAndApprove(String amount, Runnable stubs) {
        stubs.run();
        RefundRequestId id = refunds.request(RefundAsk.of(amount, UUID.randomUUID().toString())).id();
        String finance = data.newStaffUser();
        TestData.signIn(finance, List.of(StaffRole.FINANCE));
        try {
            desk.approve(id, "");
        } finally {
            TestData.signIn(customer.username());
        }
        return id;
    }

    private static Runnable refundAnswers(int status, String body) {
        return () -> StripeFake.server().stubFor(post(urlPathEqualTo("/v1/refunds")).willReturn(aResponse()
                .withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static String refund(String id, long amount, String status, String intent) {
        return refund(id, amount, status, intent, null);
    }

    private static String refund(String id, long amount, String status, String intent, String key) {
        return """
                {"id":"%s","object":"refund","amount":%d,"currency":"usd","status":"%s","payment_intent":"%s",
                 "charge":"ch_%s","reason":"requested_by_customer","failure_reason":%s,"metadata":{%s}}"""
                .formatted(id, amount, status, intent, intent, "failed".equals(status) ? "\"lost_or_stolen_card\""
                        : "null", key == null ? "" : "\"billfold_refund\":\"" + key + "\"");
    }

    private String paymentStatus() {
        return jdbc.sql("select status from payment where id = ?").param(payment.value()).query(String.class)
                .single();
    }

    private int entries(String kind) {
        return jdbc.sql("select count(*) from ledger_entry where account_id = ? and kind = ?")
                .params(customer.accountId().value(), kind).query(Integer.class).single();
    }
}
