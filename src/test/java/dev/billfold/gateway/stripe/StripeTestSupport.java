package dev.billfold.gateway.stripe;

import dev.billfold.SignedIn;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.account.PayerId;
import dev.billfold.gateway.WithLocalProviders;
import dev.billfold.ledger.Ledger;
import dev.billfold.paymentmethod.PaymentMethodId;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.PaymentService;
import dev.billfold.payment.TopUpService;
import dev.billfold.paymentmethod.PaymentMethodService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application with Stripe switched on and pointed at {@link StripeFake}, served on a real port so that webhooks go
 * through the real security filter chain ({@link WithLocalProviders}, where the other providers are on too). Each test
 * class says which database: {@code @BillfoldTest(webEnvironment = RANDOM_PORT)} or {@code @BillfoldPostgresTest(...)}.
 */
@WithLocalProviders
abstract class StripeTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    TopUpService topUps;
    @Autowired
    PaymentService payments;
    @Autowired
    PaymentMethodService methods;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Ledger ledger;

    final HttpClient http = HttpClient.newHttpClient();
    @SignedIn
    Customer customer;

    @BeforeEach
    void freshFake() {
        StripeFake.server().resetAll();
    }

    HttpResponse<String> postWebhook(String payload, @Nullable String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/stripe"))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> postSignedWebhook(String payload) {
        return postWebhook(payload, StripeFake.sign(payload));
    }

    /** A card saved at Stripe for the payer, as a checkout or a setup would have left it. */
    PaymentMethodId savedStripeCard(PayerId payer, String customerId, String paymentMethodId) {
        jdbc.sql("insert into stripe_customer (payer_id, customer_id, created_at) values (?, ?, ?)")
                .params(payer.value(), customerId, OffsetDateTime.now(ZoneOffset.UTC)).update();
        var id = new PaymentMethodId(UUID.randomUUID());
        jdbc.sql("""
                        insert into payment_method (id, account_id, payer_id, provider, provider_token, label, status,
                          is_default, expires_on, failure_reason, created_at, checked_at, version)
                        values (?, ?, ?, 'stripe', ?, 'Visa •••• 4242, 12/29', 'CONFIRMED', true, null, null, ?, ?, 0)""")
                .params(id.value(), customer.accountId().value(), payer.value(), paymentMethodId,
                        OffsetDateTime.now(ZoneOffset.UTC), OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        return id;
    }

    String status(PaymentId id) {
        return jdbc.sql("select status from payment where id = ?").param(id.value()).query(String.class).single();
    }

    @Nullable String reason(PaymentId id) {
        return jdbc.sql("select status_reason from payment where id = ?").param(id.value()).query(String.class).single();
    }

    String idempotencyKey(PaymentId id) {
        return jdbc.sql("select idempotency_key from payment where id = ?").param(id.value()).query(String.class).single();
    }

    String methodStatus(PaymentMethodId id) {
        return jdbc.sql("select status from payment_method where id = ?").param(id.value()).query(String.class).single();
    }

    int eventsRecorded(String eventId) {
        return jdbc.sql("select count(*) from stripe_event where event_id = ?").param(eventId).query(Integer.class).single();
    }

    int stripeCustomers(PayerId payer) {
        return jdbc.sql("select count(*) from stripe_customer where payer_id = ?").param(payer.value()).query(Integer.class).single();
    }
}
