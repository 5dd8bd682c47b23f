package dev.billfold.gateway.stripe;

import dev.billfold.BillfoldTest;
import org.springframework.boot.test.context.SpringBootTest;

/** Concurrent webhook deliveries on the embedded default database. */
@BillfoldTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StripeWebhookConcurrencyOnH2Test extends StripeWebhookConcurrencyContract {
}
