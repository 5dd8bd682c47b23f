package dev.billfold.payment;

import dev.billfold.BillfoldPostgresTest;

/** Invoice numbers on real PostgreSQL, where the counter's row lock meets eight transactions at once. */
@BillfoldPostgresTest
class InvoiceNumbersOnPostgresTest extends InvoiceNumbersContract {
}
