package dev.billfold.payment;

import dev.billfold.BillfoldTest;

/** Invoice numbers on the embedded default database. */
@BillfoldTest
class InvoiceNumbersOnH2Test extends InvoiceNumbersContract {
}
