package dev.billfold.payment;

import dev.billfold.PostgresTestConfig;
import org.springframework.context.annotation.Import;

/** The top-up contract on real PostgreSQL. */
@Import(PostgresTestConfig.class)
class TopUpServiceOnPostgresTest extends TopUpServiceContract {
}
