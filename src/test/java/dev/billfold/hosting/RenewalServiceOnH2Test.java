package dev.billfold.hosting;

import dev.billfold.BillfoldTest;

/** The renewal contract on the embedded default database. */
@BillfoldTest
class RenewalServiceOnH2Test extends RenewalServiceContract {
}
