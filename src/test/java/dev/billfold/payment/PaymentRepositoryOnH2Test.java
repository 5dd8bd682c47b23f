package dev.billfold.payment;

import dev.billfold.BillfoldTest;

@BillfoldTest
class PaymentRepositoryOnH2Test extends PaymentRepositoryContract {
}
