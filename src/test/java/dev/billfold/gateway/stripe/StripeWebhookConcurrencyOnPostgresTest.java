package dev.billfold.gateway.stripe;

import dev.billfold.BillfoldPostgresTest;
import org.springframework.boot.test.context.SpringBootTest;

/** Concurrent webhook deliveries on real PostgreSQL. */
@BillfoldPostgresTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StripeWebhookConcurrencyOnPostgresTest extends StripeWebhookConcurrencyContract {
}
