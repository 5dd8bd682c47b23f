package dev.billfold.account;

import dev.billfold.PostgresTestConfig;
import org.springframework.context.annotation.Import;

/** The payer contract on real PostgreSQL. */
@Import(PostgresTestConfig.class)
class PayerServiceOnPostgresTest extends PayerServiceContract {
}
