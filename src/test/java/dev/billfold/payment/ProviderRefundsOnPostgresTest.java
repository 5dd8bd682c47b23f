package dev.billfold.payment;

import dev.billfold.BillfoldPostgresTest;

/** Refunds and disputes from the provider on real PostgreSQL, where the races meet real row locks. */
@BillfoldPostgresTest
class ProviderRefundsOnPostgresTest extends ProviderRefundsContract {
}
