package dev.billfold.gateway.paypal;

import dev.billfold.BillfoldPostgresTest;
import org.springframework.boot.test.context.SpringBootTest;

/** The PayPal provider on real PostgreSQL, where concurrent webhooks and returns really race for the row locks. */
@BillfoldPostgresTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PayPalGatewayOnPostgresTest extends PayPalGatewayContract {
}
