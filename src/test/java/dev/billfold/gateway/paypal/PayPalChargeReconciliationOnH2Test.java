package dev.billfold.gateway.paypal;

import dev.billfold.BillfoldTest;
import org.springframework.boot.test.context.SpringBootTest;

/** Lost PayPal charges reconciled on the embedded default's H2. */
@BillfoldTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PayPalChargeReconciliationOnH2Test extends PayPalChargeReconciliationContract {
}
