package dev.billfold.gateway.paypal;

import dev.billfold.PostgresTestConfig;
import org.springframework.context.annotation.Import;

/** The PayPal provider on real PostgreSQL, where concurrent webhooks and returns really race for the row locks. */
@Import(PostgresTestConfig.class)
class PayPalGatewayOnPostgresTest extends PayPalGatewayContract {
}
