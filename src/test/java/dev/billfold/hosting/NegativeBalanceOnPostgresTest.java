package dev.billfold.hosting;

import dev.billfold.BillfoldPostgresTest;

/** A balance below zero and the services, on real PostgreSQL. */
@BillfoldPostgresTest
class NegativeBalanceOnPostgresTest extends NegativeBalanceContract {
}
