package dev.billfold.payment;

import dev.billfold.BillfoldTest;

/** The invoice's copy on the embedded default database. */
@BillfoldTest
class InvoiceCopyOnH2Test extends InvoiceCopyContract {
}
