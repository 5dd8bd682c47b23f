package dev.billfold.payment;

import dev.billfold.BillfoldPostgresTest;

/** Card-country rules on real PostgreSQL, where the racing returns meet real row locks. */
@BillfoldPostgresTest
class CardCountryOnPostgresTest extends CardCountryContract {
}
