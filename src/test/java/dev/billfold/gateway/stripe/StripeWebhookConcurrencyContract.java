package dev.billfold.gateway.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.TestData;
import dev.billfold.ledger.LedgerChecks;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.PaymentStatus;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Stripe delivers at least once and in parallel: the same signed event twenty times at once, racing the customer's
 * return, must credit once. Runs on H2 and on PostgreSQL.
 */
abstract class StripeWebhookConcurrencyContract extends StripeTestSupport {

    @Test
    void the_same_webhook_twenty_times_at_once_plus_the_return_credit_exactly_once() throws Exception {
        StripeFake.customerCreated(StripeFake.id("cus"));
        String sessionId = StripeFake.id("cs");
        StripeFake.sessionCreated(sessionId, "payment");
        var redirect = (TopUpOutcome.RedirectToProvider) topUps.topUp(new TopUpRequest(customer.person(), "250.00",
                new MethodChoice.Checkout("stripe"), false, UUID.randomUUID().toString()));
        String key = idempotencyKey(redirect.paymentId());
        String paidSession = StripeFake.session(sessionId, "payment", "complete", "paid", 25000, "usd", key, false, "\"pi_race\"");
        StripeFake.sessionRetrieved(paidSession);
        String eventId = StripeFake.id("evt");
        String event = StripeFake.event(eventId, "checkout.session.completed", paidSession);
        String signature = StripeFake.sign(event);

        ExecutorService pool = Executors.newFixedThreadPool(21);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> deliveries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            deliveries.add(pool.submit(() -> {
                start.await();
                return postWebhook(event, signature);
            }));
        }
        String username = customer.username();
        Future<PaymentStatus> returned = pool.submit(() -> {
            TestData.signIn(username);
            try {
                start.await();
                return payments.confirmReturn(redirect.paymentId()).status();
            } finally {
                TestData.signOut();
            }
        });
        start.countDown();
        List<String> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> delivery : deliveries) {
            HttpResponse<String> response = delivery.get(60, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            answers.add(response.body());
        }
        assertThat(returned.get(60, TimeUnit.SECONDS)).isEqualTo(PaymentStatus.CREDITED);
        pool.shutdown();

        assertThat(answers).containsOnly("processed", "duplicate").containsOnlyOnce("processed");
        assertThat(status(redirect.paymentId())).isEqualTo("CREDITED");
        assertThat(data.ledgerEntries(customer.accountId())).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("250.00");
        assertThat(LedgerChecks.isConsistent(ledger, customer.accountId())).isTrue();
        assertThat(eventsRecorded(eventId)).isEqualTo(1);
    }
}
