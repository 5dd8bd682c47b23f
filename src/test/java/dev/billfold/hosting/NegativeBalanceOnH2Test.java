package dev.billfold.hosting;

import dev.billfold.BillfoldTest;

/** A balance below zero and the services, on the embedded default database. */
@BillfoldTest
class NegativeBalanceOnH2Test extends NegativeBalanceContract {
}
