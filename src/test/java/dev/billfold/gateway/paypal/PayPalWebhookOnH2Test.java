package dev.billfold.gateway.paypal;

import dev.billfold.BillfoldTest;
import org.springframework.boot.test.context.SpringBootTest;

@BillfoldTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PayPalWebhookOnH2Test extends PayPalWebhookContract {
}
