package dev.billfold.gateway.paypal;

import dev.billfold.PostgresTestConfig;
import org.springframework.context.annotation.Import;

/** Lost PayPal charges reconciled on real PostgreSQL. */
@Import(PostgresTestConfig.class)
class PayPalChargeReconciliationOnPostgresTest extends PayPalChargeReconciliationContract {
}
