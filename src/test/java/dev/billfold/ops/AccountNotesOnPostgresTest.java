package dev.billfold.ops;

import dev.billfold.BillfoldPostgresTest;

@BillfoldPostgresTest
class AccountNotesOnPostgresTest extends AccountNotesContract {
}
