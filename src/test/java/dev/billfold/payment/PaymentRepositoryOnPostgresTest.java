package dev.billfold.payment;

import dev.billfold.BillfoldPostgresTest;

@BillfoldPostgresTest
class PaymentRepositoryOnPostgresTest extends PaymentRepositoryContract {
}
