package dev.billfold.gateway.stripe;

import dev.billfold.PostgresTestConfig;
import org.springframework.context.annotation.Import;

/** Concurrent webhook deliveries on real PostgreSQL. */
@Import(PostgresTestConfig.class)
class StripeWebhookConcurrencyOnPostgresTest extends StripeWebhookConcurrencyContract {
}
