package dev.billfold.payment;

import dev.billfold.BillfoldTest;

/** The top-up contract on the embedded default database. */
@BillfoldTest
class TopUpServiceOnH2Test extends TopUpServiceContract {
}
