package dev.billfold.payment;

import dev.billfold.BillfoldTest;

/** Top-ups at a quote on the embedded default. */
@BillfoldTest
class QuotedTopUpOnH2Test extends QuotedTopUpContract {
}
