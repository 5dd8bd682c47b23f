package dev.billfold.polling;

import dev.billfold.BillfoldPostgresTest;
import org.springframework.boot.test.context.SpringBootTest;

/** The background checks on real PostgreSQL: SKIP LOCKED and the leases as production runs them. */
@BillfoldPostgresTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PollerOnPostgresTest extends PollerContract {
}
