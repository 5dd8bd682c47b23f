package dev.billfold.payment;

import dev.billfold.BillfoldPostgresTest;

/** Methods by country and payer type on real PostgreSQL. */
@BillfoldPostgresTest
class MethodRulesOnPostgresTest extends MethodRulesContract {
}
