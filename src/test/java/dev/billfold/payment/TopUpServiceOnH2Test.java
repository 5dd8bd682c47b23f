package dev.billfold.payment;

/** The top-up contract on the embedded default database. */
class TopUpServiceOnH2Test extends TopUpServiceContract {
}
