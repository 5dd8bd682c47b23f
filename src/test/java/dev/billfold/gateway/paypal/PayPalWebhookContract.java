package dev.billfold.gateway.paypal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.AtOnce;
import dev.billfold.MutableClock;
import dev.billfold.SignedIn;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.gateway.WebhookMeters;
import dev.billfold.gateway.WithLocalProviders;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.PaymentService;
import dev.billfold.payment.PaymentStatus;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.payment.TopUpService;
import dev.billfold.ratelimit.RateLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PayPal's webhooks at the edges (docs/security.md, item 4): the free checks that refuse a delivery before PayPal is
 * asked (the fake's request journal shows that no signature check was made), the bound on signature checks in flight,
 * a delivery that died between its claim and its commit, and orders that carry another payment's key. Real HTTP to
 * our endpoint, the real SDK against the local PayPal, a real database (see the two subclasses).
 */
@WithLocalProviders
abstract class PayPalWebhookContract {

    static final PayPalFake PAYPAL = PayPalFake.shared();

    @Autowired
    TopUpService topUps;
    @Autowired
    PaymentService payments;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    PayPalEventLog events;
    @Autowired
    InFlightBound verifications;
    @Autowired
    PayPalProperties properties;
    @Autowired
    RateLimiter rateLimiter;
    @Autowired
    MeterRegistry meters;
    @LocalServerPort
    int port;

    @SignedIn
    Customer customer;
    String orderId;
    PayPalWebhooks webhooks;

    @BeforeEach
    void setUp() {
        PAYPAL.reset();
        PayPalWebhooks.freshAllowance(rateLimiter);
        // Whole seconds, as PayPal's transmission times are.
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        orderId = "8W" + UUID.randomUUID().toString().replace("-", "").substring(0, 14).toUpperCase();
        webhooks = new PayPalWebhooks(port, clock);
    }

    // --- refused before PayPal is asked ---

    @Test
    void a_transmission_more_than_five_minutes_off_ours_is_refused_without_asking_paypal() throws Exception {
        String key = approvedOrder("45.00");

        HttpResponse<String> replayed = webhooks.send(event(key), sentAt(clock.instant().minusSeconds(5 * 60 + 1)));
        HttpResponse<String> early = webhooks.send(event(key), sentAt(clock.instant().plusSeconds(5 * 60 + 1)));
        HttpResponse<String> unreadable = webhooks.send(event(key), with("PAYPAL-TRANSMISSION-TIME", "yesterday"));

        assertThat(List.of(replayed, early)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).isEqualTo(PayPalWebhookChecks.STALE);
        });
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(unreadable.body()).isEqualTo(PayPalWebhookChecks.UNREADABLE_TIME);
        assertThat(PAYPAL.verifications()).isEmpty();
        assertThat(PAYPAL.getsOf(orderId)).isEmpty();

        // Within the five minutes PayPal is asked (and refuses a forged signature).
        Map<String, String> forged = forged("PAYPAL-TRANSMISSION-TIME",
                DateTimeFormatter.ISO_INSTANT.format(clock.instant().minusSeconds(5 * 60)));
        HttpResponse<String> late = webhooks.send(event(key), forged);
        assertThat(late.body()).isEqualTo("Signature verification failed");
        assertThat(PAYPAL.verifications()).hasSize(1);
        assertThat(statusOf(key)).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT);
    }

    @Test
    void an_algorithm_off_the_allow_list_is_refused_without_asking_paypal() throws Exception {
        String key = approvedOrder("45.00");

        for (String algorithm : List.of("SHA1withRSA", "none", "sha256withrsa", "HS256")) {
            HttpResponse<String> response = webhooks.send(event(key), with("PAYPAL-AUTH-ALGO", algorithm));

            assertThat(response.statusCode()).as(algorithm).isEqualTo(400);
            assertThat(response.body()).as(algorithm).isEqualTo(PayPalWebhookChecks.ALGORITHM);
        }
        assertThat(PAYPAL.verifications()).isEmpty();
        assertThat(statusOf(key)).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT);
    }

    @Test
    void a_certificate_url_off_paypals_hosts_is_refused_without_asking_paypal() throws Exception {
        String key = approvedOrder("45.00");
        String path = "/v1/notifications/certs/CERT-360caa42-fca2a594-1d93a270";

        for (String url : List.of("https://evil.example" + path, "https://api.sandbox.paypal.com.evil.example" + path,
                "https://api.sandbox.paypal.com@evil.example" + path, "http://api.sandbox.paypal.com" + path,
                "https://api.sandbox.paypal.com:8443" + path, "https://paypal.com" + path,
                // A live host while we are on the sandbox: PayPal never mixes them.
                "https://api.paypal.com" + path, "not a url")) {
            HttpResponse<String> response = webhooks.send(event(key), with("PAYPAL-CERT-URL", url));

            assertThat(response.statusCode()).as(url).isEqualTo(400);
            assertThat(response.body()).as(url).isEqualTo(PayPalWebhookChecks.NOT_PAYPALS_CERTIFICATE);
        }
        assertThat(PAYPAL.verifications()).isEmpty();

        // PayPal's other sandbox host, and outside the production profile the local PayPal itself, are asked.
        for (String url : List.of("https://api-m.sandbox.paypal.com" + path, PAYPAL.baseUrl() + path)) {
            assertThat(webhooks.send(event(key), forged("PAYPAL-CERT-URL", url)).body()).as(url)
                    .isEqualTo("Signature verification failed");
        }
        assertThat(PAYPAL.verifications()).hasSize(2);
        assertThat(statusOf(key)).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT);
    }

    @Test
    void missing_transmission_headers_are_refused_without_asking_paypal() throws Exception {
        String key = approvedOrder("45.00");

        for (String header : webhooks.sentNow(PayPalFake.GOOD_SIGNATURE).keySet()) {
            Map<String, String> headers = webhooks.sentNow(PayPalFake.GOOD_SIGNATURE);
            headers.remove(header);
            HttpResponse<String> response = webhooks.send(event(key), headers);

            assertThat(response.statusCode()).as(header).isEqualTo(400);
            assertThat(response.body()).as(header).isEqualTo(PayPalWebhookChecks.MISSING_HEADERS);
        }
        assertThat(PAYPAL.verifications()).isEmpty();
    }

    @Test
    void webhooks_received_are_counted_by_outcome_with_failed_signature_checks_apart() throws Exception {
        String key = approvedOrder("45.00");
        List<String> outcomes = List.of("accepted", "signature_failed", "refused");
        List<Double> before = outcomes.stream().map(this::received).toList();

        // PayPal says no; the signing headers are refused before PayPal is asked; not an event at all; genuine.
        assertThat(webhooks.send(event(key), "forged-signature").body()).isEqualTo("Signature verification failed");
        assertThat(webhooks.send(event(key), with("PAYPAL-AUTH-ALGO", "none")).body())
                .isEqualTo(PayPalWebhookChecks.ALGORITHM);
        assertThat(webhooks.send("{not json", PayPalFake.GOOD_SIGNATURE).statusCode()).isEqualTo(400);
        assertThat(webhooks.send(event(key), PayPalFake.GOOD_SIGNATURE).statusCode()).isEqualTo(200);

        assertThat(outcomes.stream().map(outcome -> received(outcome) - before.get(outcomes.indexOf(outcome))))
                .containsExactly(1.0, 2.0, 1.0);
    }

    private double received(String outcome) {
        return meters.counter(WebhookMeters.RECEIVED, "provider", "paypal", "outcome", outcome).count();
    }

    // --- at most so many signature checks at once ---

    @Test
    void webhooks_beyond_the_signature_checks_in_flight_are_told_at_once_to_retry_and_checkout_still_works()
            throws Exception {
        int bound = properties.webhookVerificationsInFlight();
        assertThat(verifications.limit()).isEqualTo(bound);
        String foreignOrder = "9XK" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        PAYPAL.orderIs(foreignOrder, "CREATED", "someone-else:" + UUID.randomUUID(), "10.00");
        PAYPAL.verificationTakes(Duration.ofMillis(1_500));
        // A flood of genuine-looking deliveries, each held up by PayPal's slow signature check.
        var flood = CompletableFuture.supplyAsync(() -> {
            try {
                return AtOnce.run(bound, i -> webhooks.send(PayPalWebhooks.orderApproved("WH-" + UUID.randomUUID(),
                        foreignOrder, "someone-else"), PayPalFake.GOOD_SIGNATURE).statusCode());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (verifications.inFlight() < bound && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(verifications.inFlight()).isEqualTo(bound);

        long started = System.nanoTime();
        HttpResponse<String> turnedAway = webhooks.send(event("any-key"), PayPalFake.GOOD_SIGNATURE);
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        String key = approvedOrder("45.00");

        assertThat(turnedAway.statusCode()).isEqualTo(503);
        assertThat(turnedAway.headers().firstValue("Retry-After"))
                .hasValue(Long.toString(PayPalWebhookController.BUSY_RETRY_AFTER.toSeconds()));
        assertThat(turnedAway.body()).isEqualTo(PayPalWebhookController.BUSY);
        assertThat(tookMillis).as("answered without waiting for a check to finish").isLessThan(1_000);
        assertThat(PAYPAL.creates()).as("checkout still reaches PayPal during the flood").hasSize(1);
        assertThat(statusOf(key)).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT);

        // Each was checked and answered (200 not ours; 503 only if the loaded test machine outran the read timeout).
        assertThat(flood.get(30, TimeUnit.SECONDS)).hasSize(bound).isSubsetOf(200, 503);
        assertThat(PAYPAL.verifications()).as("the one turned away was never checked at PayPal").hasSize(bound);
        assertThat(verifications.inFlight()).isZero();
    }

    // --- a delivery that died between its claim and its commit ---

    @Test
    void webhooks_beyond_the_clusters_allowance_of_signature_checks_are_told_to_retry_without_asking_paypal()
            throws Exception {
        String key = approvedOrder("45.00");
        try {
            while (rateLimiter.tryAcquire(PayPalWebhookController.VERIFICATIONS).allowed()) {
                // another node's deliveries use up the shared allowance
            }

            HttpResponse<String> refused = webhooks.send(event(key), PayPalFake.GOOD_SIGNATURE);

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).isEqualTo(PayPalWebhookController.OVER_LIMIT);
            assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();
            assertThat(PAYPAL.verifications()).isEmpty();
            assertThat(statusOf(key)).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT);
        } finally {
            rateLimiter.reset(PayPalWebhookController.VERIFICATIONS);
        }

        assertThat(webhooks.send(event(key), PayPalFake.GOOD_SIGNATURE).statusCode()).isEqualTo(200);
        assertThat(PAYPAL.verifications()).hasSize(1);
    }

    @Test
    void an_event_whose_delivery_died_after_taking_it_on_is_processed_again_once_its_lease_has_run_out()
            throws Exception {
        String key = approvedOrder("45.00");
        PaymentId payment = paymentOf(key);
        String eventId = "WH-" + UUID.randomUUID();
        String event = PayPalWebhooks.orderApproved(eventId, orderId, key);
        // A delivery took the event on and its node died before the work committed: only its claim is left.
        assertThat(events.claim(eventId, "CHECKOUT.ORDER.APPROVED", orderId))
                .isInstanceOf(PayPalEventLog.Claim.Taken.class);

        clock.advance(properties.webhookClaimLease().minusSeconds(30));
        HttpResponse<String> meanwhile = webhooks.send(event, PayPalFake.GOOD_SIGNATURE);

        assertThat(meanwhile.statusCode()).as("never acknowledged while the first delivery may still finish")
                .isEqualTo(503);
        assertThat(meanwhile.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(PAYPAL.getsOf(orderId)).isEmpty();
        assertThat(statusOf(key)).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT);

        clock.advance(Duration.ofSeconds(30));
        HttpResponse<String> redelivered = webhooks.send(event, PayPalFake.GOOD_SIGNATURE);

        assertThat(redelivered.statusCode()).isEqualTo(200);
        assertThat(redelivered.body()).isEqualTo("APPLIED");
        assertThat(webhooks.send(event, PayPalFake.GOOD_SIGNATURE).body()).isEqualTo("Already processed");
        assertThat(statusOf(key)).isEqualTo(PaymentStatus.CREDITED);
        assertThat(PAYPAL.capturesOf(orderId)).hasSize(1);
        assertThat(topUpEntries(payment)).as("one ledger entry, keyed by the payment").isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("45.00");
        assertThat(outcomeOf(eventId)).isEqualTo("APPLIED");
    }

    // --- the order is ours ---

    @Test
    void a_webhook_for_an_order_that_carries_another_payments_key_captures_nothing_and_changes_nothing()
            throws Exception {
        var redirect = startCheckout("45.00");
        String key = keyOf(redirect.paymentId());
        String otherKey = "someone-else:" + UUID.randomUUID();
        PAYPAL.orderIs(orderId, "APPROVED", otherKey, "45.00");
        PAYPAL.captures(orderId, otherKey, "45.00", "USD", "COMPLETED", false);
        String eventId = "WH-" + UUID.randomUUID();
        String reasonBefore = reasonOf(redirect.paymentId());

        HttpResponse<String> response = webhooks.send(PayPalWebhooks.orderApproved(eventId, orderId, key),
                PayPalFake.GOOD_SIGNATURE);

        assertThat(response.statusCode()).as("told apart for good: a redelivery would change nothing either")
                .isEqualTo(200);
        assertThat(response.body()).isEqualTo("KEY_MISMATCH");
        assertThat(PAYPAL.capturesOf(orderId)).isEmpty();
        assertThat(statusOf(key)).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT);
        assertThat(reasonOf(redirect.paymentId())).isEqualTo(reasonBefore);
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
        assertThat(outcomeOf(eventId)).isEqualTo("KEY_MISMATCH");
        assertThat(webhooks.send(PayPalWebhooks.orderApproved(eventId, orderId, key), PayPalFake.GOOD_SIGNATURE)
                .body()).isEqualTo("Already processed");
    }

    @Test
    void a_completed_capture_of_an_order_with_another_payments_key_credits_nothing_by_webhook_or_on_return()
            throws Exception {
        var redirect = startCheckout("45.00");
        String key = keyOf(redirect.paymentId());
        String otherKey = "someone-else:" + UUID.randomUUID();
        PAYPAL.orderIsCompleted(orderId, otherKey, "45.00", "COMPLETED");

        HttpResponse<String> response = webhooks.send(PayPalWebhooks.capture("WH-" + UUID.randomUUID(),
                "PAYMENT.CAPTURE.COMPLETED", orderId, key, "45.00"), PayPalFake.GOOD_SIGNATURE);
        var returned = payments.confirmReturn(redirect.paymentId());

        assertThat(response.body()).isEqualTo("KEY_MISMATCH");
        assertThat(returned.status()).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT);
        assertThat(statusOf(key)).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT);
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0");
    }

    @Test
    void a_completed_order_without_our_key_credits_nothing_on_return() {
        var redirect = startCheckout("45.00");
        PAYPAL.orderIsCompleted(orderId, "", "45.00", "COMPLETED");

        var returned = payments.confirmReturn(redirect.paymentId());

        assertThat(returned.status()).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT);
        assertThat(returned.statusReason()).isEqualTo(PayPalGateway.NOT_OURS);
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    // --- helpers ---

    /** A waiting PayPal checkout whose order PayPal has approved and would capture; its key. */
    private String approvedOrder(String amount) {
        var redirect = startCheckout(amount);
        String key = keyOf(redirect.paymentId());
        PAYPAL.orderIs(orderId, "APPROVED", key, amount);
        PAYPAL.captures(orderId, key, amount, "USD", "COMPLETED", false);
        return key;
    }

    private TopUpOutcome.RedirectToProvider startCheckout(String amount) {
        PAYPAL.createsOrder(orderId);
        return (TopUpOutcome.RedirectToProvider) topUps.topUp(new TopUpRequest(customer.person(), amount,
                new MethodChoice.Checkout("paypal"), false, UUID.randomUUID().toString()));
    }

    private String event(String key) {
        return PayPalWebhooks.orderApproved("WH-" + UUID.randomUUID(), orderId, key);
    }

    private Map<String, String> sentAt(Instant sent) {
        return with("PAYPAL-TRANSMISSION-TIME", DateTimeFormatter.ISO_INSTANT.format(sent));
    }

    /** A delivery sent now with a good signature, but with {@code header} set to {@code value}. */
    private Map<String, String> with(String header, String value) {
        Map<String, String> headers = webhooks.sentNow(PayPalFake.GOOD_SIGNATURE);
        headers.put(header, value);
        return headers;
    }

    /** As {@link #with}, but with a signature PayPal does not vouch for: shows that PayPal was asked. */
    private Map<String, String> forged(String header, String value) {
        Map<String, String> headers = webhooks.sentNow("forged-signature");
        headers.put(header, value);
        return headers;
    }

    private String keyOf(PaymentId id) {
        return jdbc.sql("select idempotency_key from payment where id = ?").param(id.value()).query(String.class)
                .single();
    }

    private PaymentId paymentOf(String key) {
        return new PaymentId(jdbc.sql("select id from payment where idempotency_key = ?").param(key)
                .query(UUID.class).single());
    }

    private PaymentStatus statusOf(String key) {
        return PaymentStatus.valueOf(jdbc.sql("select status from payment where idempotency_key = ?").param(key)
                .query(String.class).single());
    }

    private String reasonOf(PaymentId id) {
        return jdbc.sql("select status_reason from payment where id = ?").param(id.value()).query(String.class)
                .optional().orElse(null);
    }

    private int topUpEntries(PaymentId payment) {
        return jdbc.sql("select count(*) from ledger_entry where kind = 'TOP_UP' and reference = ?")
                .param("payment:" + payment.value()).query(Integer.class).single();
    }

    private String outcomeOf(String eventId) {
        return jdbc.sql("select outcome from paypal_event where event_id = ?").param(eventId).query(String.class)
                .single();
    }
}
