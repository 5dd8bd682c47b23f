package dev.billfold.adjustment;

import dev.billfold.BillfoldTest;

/** Balance adjustments on H2, the embedded default. */
@BillfoldTest
class AdjustmentServiceOnH2Test extends AdjustmentServiceContract {
}
