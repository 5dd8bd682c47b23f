package dev.billfold.payment;

import dev.billfold.BillfoldTest;

@BillfoldTest
class BankTransfersOnH2Test extends BankTransfersContract {
}
