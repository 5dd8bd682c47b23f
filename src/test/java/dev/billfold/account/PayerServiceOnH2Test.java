package dev.billfold.account;

import dev.billfold.BillfoldTest;

/** The payer contract on the embedded default database. */
@BillfoldTest
class PayerServiceOnH2Test extends PayerServiceContract {
}
