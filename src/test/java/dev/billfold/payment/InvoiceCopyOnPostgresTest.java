package dev.billfold.payment;

import dev.billfold.BillfoldPostgresTest;

/** The invoice's copy on real PostgreSQL (char(2) padding, numeric rate, nulls of every column type). */
@BillfoldPostgresTest
class InvoiceCopyOnPostgresTest extends InvoiceCopyContract {
}
