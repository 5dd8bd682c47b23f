package dev.billfold.payment;

import dev.billfold.BillfoldPostgresTest;

@BillfoldPostgresTest
class BankTransfersOnPostgresTest extends BankTransfersContract {
}
