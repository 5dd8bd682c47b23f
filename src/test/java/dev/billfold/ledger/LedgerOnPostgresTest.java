package dev.billfold.ledger;

import dev.billfold.PostgresTestConfig;
import org.springframework.context.annotation.Import;

@Import(PostgresTestConfig.class)
class LedgerOnPostgresTest extends LedgerContract {
}
