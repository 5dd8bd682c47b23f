package dev.billfold.gateway.stripe;

import dev.billfold.BillfoldTest;
import org.springframework.boot.test.context.SpringBootTest;

/** Lost Stripe charges reconciled on the embedded default's H2. */
@BillfoldTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StripeChargeReconciliationOnH2Test extends StripeChargeReconciliationContract {
}
