package dev.billfold.gateway.paypal;

import dev.billfold.BillfoldTest;
import org.springframework.boot.test.context.SpringBootTest;

/** The PayPal provider on the embedded default database. */
@BillfoldTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PayPalGatewayOnH2Test extends PayPalGatewayContract {
}
