package dev.billfold.gateway.stripe;

import dev.billfold.BillfoldPostgresTest;
import org.springframework.boot.test.context.SpringBootTest;

/** Lost Stripe charges reconciled on real PostgreSQL. */
@BillfoldPostgresTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StripeChargeReconciliationOnPostgresTest extends StripeChargeReconciliationContract {
}
