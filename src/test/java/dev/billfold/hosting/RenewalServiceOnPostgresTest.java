package dev.billfold.hosting;

import dev.billfold.PostgresTestConfig;
import org.springframework.context.annotation.Import;

/** The renewal contract on real PostgreSQL: row locks, SKIP LOCKED and the window function as production runs them. */
@Import(PostgresTestConfig.class)
class RenewalServiceOnPostgresTest extends RenewalServiceContract {
}
