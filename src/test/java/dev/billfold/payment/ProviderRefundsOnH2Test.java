package dev.billfold.payment;

import dev.billfold.BillfoldTest;

/** Refunds and disputes from the provider on the embedded default database. */
@BillfoldTest
class ProviderRefundsOnH2Test extends ProviderRefundsContract {
}
