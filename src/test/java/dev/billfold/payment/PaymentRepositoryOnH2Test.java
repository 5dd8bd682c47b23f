package dev.billfold.payment;

class PaymentRepositoryOnH2Test extends PaymentRepositoryContract {
}
