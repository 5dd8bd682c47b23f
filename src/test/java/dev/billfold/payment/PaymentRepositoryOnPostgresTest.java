package dev.billfold.payment;

import dev.billfold.PostgresTestConfig;
import org.springframework.context.annotation.Import;

@Import(PostgresTestConfig.class)
class PaymentRepositoryOnPostgresTest extends PaymentRepositoryContract {
}
