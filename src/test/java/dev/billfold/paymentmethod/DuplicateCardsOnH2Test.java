package dev.billfold.paymentmethod;

import dev.billfold.BillfoldTest;

/** Duplicate cards on the embedded default. */
@BillfoldTest
class DuplicateCardsOnH2Test extends DuplicateCardsContract {
}
