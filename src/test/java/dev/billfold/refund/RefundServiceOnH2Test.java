package dev.billfold.refund;

import dev.billfold.BillfoldTest;

/** Refunds of unused balance on H2, the embedded default. */
@BillfoldTest
class RefundServiceOnH2Test extends RefundServiceContract {
}
