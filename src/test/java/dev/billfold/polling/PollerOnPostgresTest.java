package dev.billfold.polling;

import dev.billfold.PostgresTestConfig;
import org.springframework.context.annotation.Import;

/** The background checks on real PostgreSQL: SKIP LOCKED and the leases as production runs them. */
@Import(PostgresTestConfig.class)
class PollerOnPostgresTest extends PollerContract {
}
