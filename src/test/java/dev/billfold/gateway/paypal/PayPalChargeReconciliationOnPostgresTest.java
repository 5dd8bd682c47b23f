package dev.billfold.gateway.paypal;

import dev.billfold.BillfoldPostgresTest;
import org.springframework.boot.test.context.SpringBootTest;

/** Lost PayPal charges reconciled on real PostgreSQL. */
@BillfoldPostgresTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PayPalChargeReconciliationOnPostgresTest extends PayPalChargeReconciliationContract {
}
