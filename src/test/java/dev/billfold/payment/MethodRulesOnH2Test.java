package dev.billfold.payment;

import dev.billfold.BillfoldTest;

/** Methods by country and payer type on the embedded default database. */
@BillfoldTest
class MethodRulesOnH2Test extends MethodRulesContract {
}
