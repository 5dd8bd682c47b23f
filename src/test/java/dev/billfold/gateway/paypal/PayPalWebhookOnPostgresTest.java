package dev.billfold.gateway.paypal;

import dev.billfold.BillfoldPostgresTest;
import org.springframework.boot.test.context.SpringBootTest;

@BillfoldPostgresTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PayPalWebhookOnPostgresTest extends PayPalWebhookContract {
}
