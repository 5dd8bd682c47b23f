package dev.billfold.account;

import dev.billfold.BillfoldPostgresTest;

/** The same member and invitation behaviour on PostgreSQL, where production runs. */
@BillfoldPostgresTest
class MemberServiceOnPostgresTest extends MemberServiceContract {
}
