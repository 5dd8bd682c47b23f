package dev.billfold.payment;

import dev.billfold.BillfoldTest;

/** Card-country rules on the embedded default database. */
@BillfoldTest
class CardCountryOnH2Test extends CardCountryContract {
}
