package dev.billfold.gateway.paypal;

import dev.billfold.BillfoldPostgresTest;
import org.springframework.boot.test.context.SpringBootTest;

/** PayPal's refund and reversal webhooks on real PostgreSQL. */
@BillfoldPostgresTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PayPalRefundWebhookOnPostgresTest extends PayPalRefundWebhookContract {
}
