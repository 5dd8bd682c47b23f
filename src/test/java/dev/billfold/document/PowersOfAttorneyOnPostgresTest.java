package dev.billfold.document;

import dev.billfold.BillfoldPostgresTest;

/** Powers of attorney as statement matching asks, on real PostgreSQL. */
@BillfoldPostgresTest
class PowersOfAttorneyOnPostgresTest extends PowersOfAttorneyContract {
}
