package dev.billfold.hosting;

import dev.billfold.BillfoldTest;

/** The auto top-up's guards on the embedded default database. */
@BillfoldTest
class AutoTopUpOnH2Test extends AutoTopUpContract {
}
