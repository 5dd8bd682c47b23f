package dev.billfold.account;

import dev.billfold.PostgresTestConfig;
import org.springframework.context.annotation.Import;

/** The same member and invitation behaviour on PostgreSQL, where production runs. */
@Import(PostgresTestConfig.class)
class MemberServiceOnPostgresTest extends MemberServiceContract {
}
