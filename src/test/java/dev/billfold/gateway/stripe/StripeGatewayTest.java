package dev.billfold.gateway.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.billfold.BillfoldTest;
import dev.billfold.TestData;
import dev.billfold.base.Money;
import dev.billfold.gateway.ChargeRequest;
import dev.billfold.gateway.GatewayRegistry;
import dev.billfold.gateway.GatewayResult;
import dev.billfold.gateway.WebhookMeters;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.MethodOption;
import dev.billfold.payment.PaymentDetails;
import dev.billfold.payment.PaymentStatus;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.paymentmethod.PaymentMethodId;
import dev.billfold.paymentmethod.PaymentMethodService;
import dev.billfold.paymentmethod.PaymentMethodStatus;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The Stripe flows end to end: our services, the real stripe-java SDK, a local fake of Stripe's API, the H2 database. */
@BillfoldTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StripeGatewayTest extends StripeTestSupport {

    @Autowired
    GatewayRegistry gateways;
    @Autowired
    MeterRegistry meters;

    // --- card checkout ---

    @Test
    void checkout_sends_minor_units_our_urls_customer_and_key_then_credits_on_return_and_saves_the_card() {
        String customerId = StripeFake.id("cus");
        String sessionId = StripeFake.id("cs");
        StripeFake.customerCreated(customerId);
        StripeFake.sessionCreated(sessionId, "payment");

        String requestKey = UUID.randomUUID().toString();
        var redirect = (TopUpOutcome.RedirectToProvider) topUps.topUp(new TopUpRequest(customer.person(), "150.00",
                new MethodChoice.Checkout("stripe"), true, requestKey));

        assertThat(redirect.url()).isEqualTo("https://checkout.stripe.com/c/pay/" + sessionId);
        LoggedRequest sent = StripeFake.posts("/v1/checkout/sessions").getFirst();
        Map<String, String> form = StripeFake.form(sent);
        String key = "topup:" + requestKey;
        assertThat(form).containsEntry("mode", "payment")
                .containsEntry("customer", customerId)
                .containsEntry("line_items[0][price_data][unit_amount]", "15000")
                .containsEntry("line_items[0][price_data][currency]", "usd")
                .containsEntry("line_items[0][quantity]", "1")
                .containsEntry("success_url", "https://billfold.example/payment-return/" + redirect.paymentId().value())
                .containsEntry("cancel_url", "https://billfold.example/payment-return/" + redirect.paymentId().value())
                .containsEntry("metadata[billfold_key]", key)
                .containsEntry("payment_intent_data[metadata][billfold_key]", key)
                .containsEntry("payment_intent_data[setup_future_usage]", "off_session");
        assertThat(sent.getHeader("Idempotency-Key")).isEqualTo(key);
        assertThat(StripeFake.form(StripeFake.posts("/v1/customers").getFirst()))
                .containsEntry("metadata[billfold_payer]", customer.person().value().toString());

        String intent = StripeFake.paymentIntent(StripeFake.id("pi"), "succeeded", 15000, "usd", key, "checkout",
                StripeFake.paymentMethod("pm_card_4242", "4242"), "\"setup_future_usage\":\"off_session\"");
        StripeFake.sessionRetrieved(StripeFake.session(sessionId, "payment", "complete", "paid", 15000, "usd", key, true, intent));
        PaymentDetails details = payments.confirmReturn(redirect.paymentId());

        assertThat(details.status()).isEqualTo(PaymentStatus.CREDITED);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("150.00");
        assertThat(data.ledgerEntries(customer.accountId())).isEqualTo(1);
        MethodOption saved = topUps.methodsFor(customer.person()).getFirst();
        assertThat(saved.label()).isEqualTo("Visa •••• 4242, 12/29");
        assertThat(saved.preselected()).isTrue();
        assertThat(StripeFake.server().findAll(com.github.tomakehurst.wiremock.client.WireMock
                .getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/v1/checkout/sessions/" + sessionId)))
                .getFirst().getUrl()).contains("expand").contains("payment_intent.payment_method");
    }

    @Test
    void the_stripe_customer_is_created_once_per_payer() {
        StripeFake.customerCreated(StripeFake.id("cus"));
        StripeFake.sessionCreated(StripeFake.id("cs"), "payment");

        startCheckout("10.00", false);
        startCheckout("20.00", false);

        assertThat(StripeFake.posts("/v1/customers")).hasSize(1);
        assertThat(StripeFake.posts("/v1/checkout/sessions")).hasSize(2);
        assertThat(stripeCustomers(customer.person())).isEqualTo(1);
        assertThat(StripeFake.posts("/v1/customers").getFirst().getHeader("Idempotency-Key"))
                .isEqualTo("customer:" + customer.person().value());
    }

    @Test
    void uzs_is_sent_in_hundredths_at_stripe() {
        TestData.Customer uzs = data.newCustomer("UZS");
        TestData.signIn(uzs.username());
        StripeFake.customerCreated(StripeFake.id("cus"));
        StripeFake.sessionCreated(StripeFake.id("cs"), "payment");

        topUps.topUp(new TopUpRequest(uzs.person(), "100000", new MethodChoice.Checkout("stripe"), false,
                UUID.randomUUID().toString()));

        assertThat(StripeFake.form(StripeFake.posts("/v1/checkout/sessions").getFirst()))
                .containsEntry("line_items[0][price_data][unit_amount]", "10000000")
                .containsEntry("line_items[0][price_data][currency]", "uzs")
                .doesNotContainKey("payment_intent_data[setup_future_usage]");
    }

    @Test
    void checkout_that_expired_after_a_decline_is_rejected_with_a_customer_safe_reason() {
        var redirect = startCheckout("75.00", false);
        String intent = StripeFake.paymentIntent(StripeFake.id("pi"), "requires_payment_method", 7500, "usd",
                idempotencyKey(redirect.paymentId()), "checkout", "null",
                "\"last_payment_error\":{\"type\":\"card_error\",\"code\":\"card_declined\",\"decline_code\":\"stolen_card\",\"message\":\"Your card was declined.\"}");
        StripeFake.sessionRetrieved(StripeFake.session(sessionOf(redirect), "payment", "expired", "unpaid", 7500, "usd",
                idempotencyKey(redirect.paymentId()), false, intent));

        PaymentDetails details = payments.confirmReturn(redirect.paymentId());

        assertThat(details.status()).isEqualTo(PaymentStatus.REJECTED);
        assertThat(details.statusReason()).isEqualTo("Your card was declined.");
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    @Test
    void checkout_waiting_for_3ds_stays_waiting_and_tells_the_customer_how_to_finish() {
        var redirect = startCheckout("75.00", false);
        String intent = StripeFake.paymentIntent(StripeFake.id("pi"), "requires_action", 7500, "usd",
                idempotencyKey(redirect.paymentId()), "checkout", "null", "");
        StripeFake.sessionRetrieved(StripeFake.session(sessionOf(redirect), "payment", "open", "unpaid", 7500, "usd",
                idempotencyKey(redirect.paymentId()), false, intent));

        PaymentDetails details = payments.confirmReturn(redirect.paymentId());

        assertThat(details.status()).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT);
        assertThat(details.statusReason()).contains("Your bank asks you to confirm this payment").contains("payment page");
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    @Test
    void checkout_that_stripe_cannot_open_is_rejected_with_nothing_charged() {
        StripeFake.customerCreated(StripeFake.id("cus"));
        StripeFake.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/v1/checkout/sessions"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503)
                        .withHeader("Content-Type", "application/json")
                        .withBody(StripeFake.error("api_error", null, null, "internal"))));

        var completed = (TopUpOutcome.Completed) topUps.topUp(new TopUpRequest(customer.person(), "10.00",
                new MethodChoice.Checkout("stripe"), false, UUID.randomUUID().toString()));

        assertThat(completed.status()).isEqualTo(PaymentStatus.REJECTED);
        assertThat(completed.message()).isEqualTo("The payment provider could not be reached. Nothing was charged; please try again.");
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    // --- saving a card without paying ---

    @Test
    void setup_opens_a_setup_session_and_the_signed_setup_intent_webhook_confirms_the_card_once() {
        String customerId = StripeFake.id("cus");
        String sessionId = StripeFake.id("cs");
        StripeFake.customerCreated(customerId);
        StripeFake.sessionCreated(sessionId, "setup");

        PaymentMethodService.SetupStart start = methods.startSetup(customer.person(), "stripe");

        assertThat(start.redirectUrl()).isEqualTo("https://checkout.stripe.com/c/pay/" + sessionId);
        String key = "setup:" + start.methodId().value();
        LoggedRequest sent = StripeFake.posts("/v1/checkout/sessions").getFirst();
        assertThat(StripeFake.form(sent)).containsEntry("mode", "setup")
                .containsEntry("customer", customerId)
                .containsEntry("setup_intent_data[metadata][billfold_key]", key)
                .containsEntry("metadata[billfold_key]", key)
                .containsEntry("success_url", "https://billfold.example/payment-methods/setup/" + start.methodId().value())
                .doesNotContainKey("line_items[0][price_data][unit_amount]");
        assertThat(sent.getHeader("Idempotency-Key")).isEqualTo(key);
        assertThat(methodStatus(start.methodId())).isEqualTo("PENDING");
        assertThat(topUps.methodsFor(customer.person())).noneMatch(o -> o.choice() instanceof MethodChoice.Saved);

        StripeFake.paymentMethodRetrieved("pm_setup_4242", "4242");
        String event = StripeFake.event(StripeFake.id("evt"), "setup_intent.succeeded", """
                {"id":"seti_1","object":"setup_intent","status":"succeeded","payment_method":"pm_setup_4242",
                 "customer":"%s","metadata":{"billfold_key":"%s","billfold_flow":"setup"}}""".formatted(customerId, key));
        assertThat(postSignedWebhook(event).statusCode()).isEqualTo(200);
        assertThat(postSignedWebhook(event).body()).isEqualTo("duplicate");

        assertThat(methodStatus(start.methodId())).isEqualTo("CONFIRMED");
        MethodOption saved = topUps.methodsFor(customer.person()).getFirst();
        assertThat(saved.choice()).isEqualTo(new MethodChoice.Saved(start.methodId()));
        assertThat(saved.label()).isEqualTo("Visa •••• 4242, 12/29");
        assertThat(saved.preselected()).isTrue();
        assertThat(data.methods(customer.person())).isEqualTo(1);
        // Stripe's card.fingerprint, which recognises the same card saved again (DD-100).
        assertThat(jdbc.sql("select fingerprint from payment_method where id = ?").param(start.methodId().value())
                .query(String.class).single()).isEqualTo("fp_card_4242");
    }

    @Test
    void setup_checked_on_return_confirms_the_card_and_an_expired_one_fails_it() {
        StripeFake.customerCreated(StripeFake.id("cus"));
        String okSession = StripeFake.id("cs");
        StripeFake.sessionCreated(okSession, "setup");
        PaymentMethodId ok = methods.startSetup(customer.person(), "stripe").methodId();
        StripeFake.sessionRetrieved("""
                {"id":"%s","object":"checkout.session","mode":"setup","status":"complete","payment_status":"no_payment_required",
                 "metadata":{},"setup_intent":{"id":"seti_2","object":"setup_intent","status":"succeeded",
                 "payment_method":%s,"metadata":{}}}""".formatted(okSession, StripeFake.paymentMethod("pm_ret_1881", "1881")));

        PaymentMethodService.SetupStatus confirmed = methods.checkSetup(ok);

        assertThat(confirmed.status()).isEqualTo(PaymentMethodStatus.CONFIRMED);
        assertThat(confirmed.label()).isEqualTo("Visa •••• 1881, 12/29");
        assertThat(confirmed.isDefault()).isTrue();

        String expiredSession = StripeFake.id("cs");
        StripeFake.sessionCreated(expiredSession, "setup");
        PaymentMethodId expired = methods.startSetup(customer.person(), "stripe").methodId();
        StripeFake.sessionRetrieved("""
                {"id":"%s","object":"checkout.session","mode":"setup","status":"expired","payment_status":"no_payment_required",
                 "metadata":{},"setup_intent":{"id":"seti_3","object":"setup_intent","status":"requires_payment_method","metadata":{}}}"""
                .formatted(expiredSession));

        PaymentMethodService.SetupStatus failed = methods.checkSetup(expired);

        assertThat(failed.status()).isEqualTo(PaymentMethodStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo("The page for adding the card expired before a card was added.");
        assertThat(topUps.methodsFor(customer.person()).stream().filter(o -> o.choice() instanceof MethodChoice.Saved))
                .hasSize(1);
    }

    // --- charging a saved card ---

    @Test
    void saved_card_is_charged_off_session_with_our_key_and_credited() {
        PaymentMethodId card = savedStripeCard(customer.person(), "cus_saved_1", "pm_saved_4242");
        StripeFake.paymentIntentCreated(StripeFake.paymentIntent("pi_ok_1", "succeeded", 50000, "usd", "k", "charge",
                "\"pm_saved_4242\"", ""));
        String requestKey = UUID.randomUUID().toString();

        var completed = (TopUpOutcome.Completed) topUps.topUp(new TopUpRequest(customer.person(), "500",
                new MethodChoice.Saved(card), false, requestKey));

        assertThat(completed.status()).isEqualTo(PaymentStatus.CREDITED);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("500.00");
        LoggedRequest sent = StripeFake.posts("/v1/payment_intents").getFirst();
        assertThat(sent.getHeader("Idempotency-Key")).isEqualTo("topup:" + requestKey);
        assertThat(StripeFake.form(sent)).containsEntry("amount", "50000")
                .containsEntry("currency", "usd")
                .containsEntry("customer", "cus_saved_1")
                .containsEntry("payment_method", "pm_saved_4242")
                .containsEntry("confirm", "true")
                .containsEntry("off_session", "true")
                .containsEntry("metadata[billfold_key]", "topup:" + requestKey);
    }

    @Test
    void saved_card_declined_for_insufficient_funds_is_rejected_with_that_reason() {
        PaymentMethodId card = savedStripeCard(customer.person(), "cus_saved_2", "pm_saved_9995");
        StripeFake.paymentIntentFails(402, StripeFake.cardError("card_declined", "insufficient_funds",
                StripeFake.paymentIntent("pi_nsf_1", "requires_payment_method", 4000, "usd", "k", "charge", "null", "")));

        var completed = (TopUpOutcome.Completed) topUps.topUp(request("40", card));

        assertThat(completed.status()).isEqualTo(PaymentStatus.REJECTED);
        assertThat(completed.message()).isEqualTo("The payment was rejected: Your card has insufficient funds.");
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    @Test
    void saved_card_that_needs_3ds_stays_waiting_with_how_to_finish() {
        PaymentMethodId card = savedStripeCard(customer.person(), "cus_saved_3", "pm_saved_3184");
        StripeFake.paymentIntentFails(402, StripeFake.cardError("authentication_required", "authentication_required",
                StripeFake.paymentIntent("pi_3ds_1", "requires_payment_method", 4000, "usd", "k", "charge", "null", "")));

        var completed = (TopUpOutcome.Completed) topUps.topUp(request("40", card));

        assertThat(completed.status()).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT);
        assertThat(completed.message()).contains("Your bank asks you to confirm this payment").contains("Confirm with your bank");
        assertThat(data.ledgerEntries(customer.accountId())).isZero();

        StripeFake.paymentIntentCreated(StripeFake.paymentIntent("pi_3ds_2", "requires_action", 4000, "usd", "k", "charge",
                "\"pm_saved_3184\"", ""));
        var second = (TopUpOutcome.Completed) topUps.topUp(request("41", card));
        assertThat(second.status()).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT);
        assertThat(second.message()).contains("Your bank asks you to confirm this payment");
    }

    @Test
    void a_500_is_retried_by_the_sdk_with_the_same_idempotency_key_and_credits_once() {
        PaymentMethodId card = savedStripeCard(customer.person(), "cus_saved_4", "pm_saved_flaky");
        StripeFake.paymentIntentFailsOnceThen(StripeFake.paymentIntent("pi_flaky_1", "succeeded", 2500, "usd", "k",
                "charge", "\"pm_saved_flaky\"", ""));

        var completed = (TopUpOutcome.Completed) topUps.topUp(request("25", card));

        assertThat(completed.status()).isEqualTo(PaymentStatus.CREDITED);
        List<LoggedRequest> attempts = StripeFake.posts("/v1/payment_intents");
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(1).getHeader("Idempotency-Key")).isEqualTo(attempts.get(0).getHeader("Idempotency-Key"))
                .isEqualTo(idempotencyKey(completed.paymentId()));
        assertThat(data.ledgerEntries(customer.accountId())).isEqualTo(1);
    }

    @Test
    void a_500_on_every_attempt_leaves_the_payment_waiting_and_a_later_retry_reuses_the_key() {
        PaymentMethodId card = savedStripeCard(customer.person(), "cus_saved_5", "pm_saved_down");
        StripeFake.paymentIntentFails(500, StripeFake.error("api_error", null, null, "Something went wrong on Stripe's end."));

        var completed = (TopUpOutcome.Completed) topUps.topUp(request("30", card));

        assertThat(completed.status()).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT);
        assertThat(completed.message()).isEqualTo("The payment is waiting: Stripe had a temporary problem. We will check "
                + "the payment again; do not pay it twice.");
        assertThat(data.ledgerEntries(customer.accountId())).isZero();

        // The later retry (the poller's job) sends the same request with the same key; Stripe answers the first result.
        String key = idempotencyKey(completed.paymentId());
        StripeFake.paymentIntentCreated(StripeFake.paymentIntent("pi_down_1", "succeeded", 3000, "usd", key, "charge",
                "\"pm_saved_down\"", ""));
        GatewayResult retried = gateways.require("stripe").chargeSavedMethod(new ChargeRequest(key,
                customer.person().value().toString(), "pm_saved_down", Money.of("30.00", "USD"), "retry"));
        assertThat(retried.status()).isEqualTo(GatewayResult.Status.SUCCEEDED);
        assertThat(StripeFake.posts("/v1/payment_intents")).extracting(r -> r.getHeader("Idempotency-Key"))
                .hasSize(3).containsOnly(key);

        // Stripe's webhook for that intent settles the waiting payment.
        String event = StripeFake.event(StripeFake.id("evt"), "payment_intent.succeeded",
                StripeFake.paymentIntent("pi_down_1", "succeeded", 3000, "usd", key, "charge", "\"pm_saved_down\"", ""));
        assertThat(postSignedWebhook(event).statusCode()).isEqualTo(200);
        assertThat(status(completed.paymentId())).isEqualTo("CREDITED");
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("30.00");
    }

    @Test
    void a_read_timeout_is_unknown_and_leaves_the_payment_waiting_never_rejected() {
        PaymentMethodId card = savedStripeCard(customer.person(), "cus_saved_6", "pm_saved_slow");
        StripeFake.paymentIntentAnswersAfter(4000, StripeFake.paymentIntent("pi_slow_1", "succeeded", 3000, "usd", "k",
                "charge", "\"pm_saved_slow\"", ""));

        GatewayResult direct = gateways.require("stripe").chargeSavedMethod(new ChargeRequest("topup:direct-" + UUID.randomUUID(),
                customer.person().value().toString(), "pm_saved_slow", Money.of("30.00", "USD"), "slow"));
        assertThat(direct.status()).isEqualTo(GatewayResult.Status.UNKNOWN);

        var completed = (TopUpOutcome.Completed) topUps.topUp(request("30", card));

        assertThat(completed.status()).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT);
        assertThat(reason(completed.paymentId())).isEqualTo("Stripe did not answer in time. We will check the payment "
                + "again; do not pay it twice.");
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    // --- webhooks: forged, stale, unknown, out of order, tampered ---

    @Test
    void a_webhook_with_a_bad_signature_or_a_stale_timestamp_is_refused_and_changes_nothing() {
        var redirect = startCheckout("80.00", false);
        String key = idempotencyKey(redirect.paymentId());
        String eventId = StripeFake.id("evt");
        String event = StripeFake.event(eventId, "checkout.session.completed",
                StripeFake.session(sessionOf(redirect), "payment", "complete", "paid", 8000, "usd", key, false, "\"pi_x\""));
        long now = java.time.Instant.now().getEpochSecond();

        var forged = postWebhook(event, StripeFake.sign(event, "whsec_guessed", now));
        var stale = postWebhook(event, StripeFake.sign(event, StripeFake.WEBHOOK_SECRET, now - 600));
        var unsigned = postWebhook(event, null);
        var altered = postWebhook(event.replace("8000", "9000"), StripeFake.sign(event));

        assertThat(List.of(forged, stale, unsigned, altered)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(400));
        assertThat(forged.body()).isEqualTo("invalid signature");
        assertThat(status(redirect.paymentId())).isEqualTo("WAITING_FOR_PAYMENT");
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
        assertThat(eventsRecorded(eventId)).isZero();
    }

    @Test
    void webhooks_received_are_counted_by_outcome_with_bad_signatures_apart() {
        String payload = StripeFake.event(StripeFake.id("evt"), "customer.created",
                "{\"id\":\"cus_2\",\"object\":\"customer\",\"metadata\":{}}");
        List<String> outcomes = List.of("accepted", "signature_failed", "refused");
        List<Double> before = outcomes.stream().map(this::received).toList();

        assertThat(postSignedWebhook(payload).statusCode()).isEqualTo(200);
        long now = java.time.Instant.now().getEpochSecond();
        assertThat(postWebhook(payload, StripeFake.sign(payload, "whsec_guessed", now)).statusCode()).isEqualTo(400);
        assertThat(postWebhook(payload, null).statusCode()).isEqualTo(400);
        assertThat(postSignedWebhook("signed, but not an event").body()).isEqualTo("not an event");

        assertThat(outcomes.stream().map(outcome -> received(outcome) - before.get(outcomes.indexOf(outcome))))
                .containsExactly(1.0, 2.0, 1.0);
    }

    private double received(String outcome) {
        return meters.counter(WebhookMeters.RECEIVED, "provider", "stripe", "outcome", outcome).count();
    }

    @Test
    void an_unknown_event_type_is_acknowledged_and_ignored() {
        String eventId = StripeFake.id("evt");
        var response = postSignedWebhook(StripeFake.event(eventId, "customer.created",
                "{\"id\":\"cus_1\",\"object\":\"customer\",\"metadata\":{}}"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ignored");
        assertThat(eventsRecorded(eventId)).isZero();
    }

    @Test
    void payment_failed_after_succeeded_leaves_the_credited_payment_credited() {
        PaymentMethodId card = savedStripeCard(customer.person(), "cus_saved_7", "pm_saved_ooo");
        StripeFake.paymentIntentFails(500, StripeFake.error("api_error", null, null, "down"));
        var waiting = (TopUpOutcome.Completed) topUps.topUp(request("60", card));
        String key = idempotencyKey(waiting.paymentId());

        var succeeded = postSignedWebhook(StripeFake.event(StripeFake.id("evt"), "payment_intent.succeeded",
                StripeFake.paymentIntent("pi_ooo", "succeeded", 6000, "usd", key, "charge", "\"pm_saved_ooo\"", "")));
        var failed = postSignedWebhook(StripeFake.event(StripeFake.id("evt"), "payment_intent.payment_failed",
                StripeFake.paymentIntent("pi_ooo", "requires_payment_method", 6000, "usd", key, "charge", "null",
                        "\"last_payment_error\":{\"type\":\"card_error\",\"code\":\"card_declined\",\"decline_code\":\"generic_decline\"}")));

        assertThat(succeeded.statusCode()).isEqualTo(200);
        assertThat(failed.statusCode()).isEqualTo(200);
        assertThat(status(waiting.paymentId())).isEqualTo("CREDITED");
        assertThat(data.ledgerEntries(customer.accountId())).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("60.00");
    }

    @Test
    void a_failed_attempt_on_an_open_checkout_keeps_it_waiting_and_a_declined_charge_is_rejected_by_webhook() {
        var redirect = startCheckout("45.00", false);
        String key = idempotencyKey(redirect.paymentId());
        postSignedWebhook(StripeFake.event(StripeFake.id("evt"), "payment_intent.payment_failed",
                StripeFake.paymentIntent("pi_open", "requires_payment_method", 4500, "usd", key, "checkout", "null",
                        "\"last_payment_error\":{\"type\":\"card_error\",\"code\":\"card_declined\",\"decline_code\":\"insufficient_funds\"}")));
        assertThat(status(redirect.paymentId())).isEqualTo("WAITING_FOR_PAYMENT");
        assertThat(reason(redirect.paymentId())).startsWith("The last attempt failed: Your card has insufficient funds.");

        postSignedWebhook(StripeFake.event(StripeFake.id("evt"), "checkout.session.expired",
                StripeFake.session(sessionOf(redirect), "payment", "expired", "unpaid", 4500, "usd", key, false, "null")));
        assertThat(status(redirect.paymentId())).isEqualTo("REJECTED");
        assertThat(reason(redirect.paymentId())).isEqualTo("The payment page expired before the payment was made.");
    }

    @Test
    void a_tampered_amount_or_currency_is_held_for_clarification_and_credits_nothing() {
        var lower = startCheckout("150.00", false);
        var response = postSignedWebhook(StripeFake.event(StripeFake.id("evt"), "checkout.session.completed",
                StripeFake.session(sessionOf(lower), "payment", "complete", "paid", 1500, "usd",
                        idempotencyKey(lower.paymentId()), false, "\"pi_low\"")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(status(lower.paymentId())).isEqualTo("WAITING_FOR_CLARIFICATION");
        assertThat(reason(lower.paymentId())).contains("$15.00").contains("$150.00");

        var otherCurrency = startCheckout("150.00", false);
        postSignedWebhook(StripeFake.event(StripeFake.id("evt"), "checkout.session.completed",
                StripeFake.session(sessionOf(otherCurrency), "payment", "complete", "paid", 15000, "eur",
                        idempotencyKey(otherCurrency.paymentId()), false, "\"pi_eur\"")));
        assertThat(status(otherCurrency.paymentId())).isEqualTo("WAITING_FOR_CLARIFICATION");

        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    @Test
    void a_checkout_webhook_with_a_saved_card_reads_the_card_from_stripe_and_saves_it() {
        var redirect = startCheckout("90.00", true);
        String key = idempotencyKey(redirect.paymentId());
        String intent = StripeFake.paymentIntent("pi_save", "succeeded", 9000, "usd", key, "checkout",
                StripeFake.paymentMethod("pm_hook_5556", "5556"), "\"setup_future_usage\":\"off_session\"");
        StripeFake.sessionRetrieved(StripeFake.session(sessionOf(redirect), "payment", "complete", "paid", 9000, "usd", key, true, intent));

        var response = postSignedWebhook(StripeFake.event(StripeFake.id("evt"), "checkout.session.completed",
                StripeFake.session(sessionOf(redirect), "payment", "complete", "paid", 9000, "usd", key, true, "\"pi_save\"")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(status(redirect.paymentId())).isEqualTo("CREDITED");
        assertThat(topUps.methodsFor(customer.person()).getFirst().label()).isEqualTo("Visa •••• 5556, 12/29");
    }

    // --- helpers ---

    private TopUpOutcome.RedirectToProvider startCheckout(String amount, boolean save) {
        StripeFake.customerCreated(StripeFake.id("cus"));
        StripeFake.sessionCreated(StripeFake.id("cs"), "payment");
        return (TopUpOutcome.RedirectToProvider) topUps.topUp(new TopUpRequest(customer.person(), amount,
                new MethodChoice.Checkout("stripe"), save, UUID.randomUUID().toString()));
    }

    private String sessionOf(TopUpOutcome.RedirectToProvider redirect) {
        return jdbc.sql("select provider_reference from payment where id = ?").param(redirect.paymentId().value())
                .query(String.class).single();
    }

    private TopUpRequest request(String amount, PaymentMethodId card) {
        return new TopUpRequest(customer.person(), amount, new MethodChoice.Saved(card), false, UUID.randomUUID().toString());
    }
}
