package dev.billfold.ops;

import dev.billfold.BillfoldTest;

@BillfoldTest
class AccountNotesOnH2Test extends AccountNotesContract {
}
