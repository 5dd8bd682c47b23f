package dev.billfold.gateway.stripe;

import dev.billfold.BillfoldPostgresTest;
import org.springframework.boot.test.context.SpringBootTest;

/** Stripe's refund and dispute webhooks on real PostgreSQL, concurrent deliveries included. */
@BillfoldPostgresTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StripeRefundWebhookOnPostgresTest extends StripeRefundWebhookContract {
}
