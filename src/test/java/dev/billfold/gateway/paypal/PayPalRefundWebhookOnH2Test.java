package dev.billfold.gateway.paypal;

import dev.billfold.BillfoldTest;
import org.springframework.boot.test.context.SpringBootTest;

/** PayPal's refund and reversal webhooks on the embedded default database. */
@BillfoldTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PayPalRefundWebhookOnH2Test extends PayPalRefundWebhookContract {
}
