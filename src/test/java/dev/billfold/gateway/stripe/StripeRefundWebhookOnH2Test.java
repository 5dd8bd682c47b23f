package dev.billfold.gateway.stripe;

import dev.billfold.BillfoldTest;
import org.springframework.boot.test.context.SpringBootTest;

/** Stripe's refund and dispute webhooks on the embedded default database. */
@BillfoldTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StripeRefundWebhookOnH2Test extends StripeRefundWebhookContract {
}
