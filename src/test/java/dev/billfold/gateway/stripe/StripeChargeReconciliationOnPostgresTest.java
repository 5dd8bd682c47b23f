package dev.billfold.gateway.stripe;

import dev.billfold.PostgresTestConfig;
import org.springframework.context.annotation.Import;

/** Lost Stripe charges reconciled on real PostgreSQL. */
@Import(PostgresTestConfig.class)
class StripeChargeReconciliationOnPostgresTest extends StripeChargeReconciliationContract {
}
