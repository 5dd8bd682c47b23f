package dev.billfold.ops;

import dev.billfold.BillfoldTest;

/** The back-office search on H2, the embedded default. */
@BillfoldTest
class OpsSearchOnH2Test extends OpsSearchContract {
}
