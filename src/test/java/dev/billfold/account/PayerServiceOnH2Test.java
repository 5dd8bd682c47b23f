package dev.billfold.account;

/** The payer contract on the embedded default database. */
class PayerServiceOnH2Test extends PayerServiceContract {
}
