package dev.billfold.account;

import dev.billfold.BillfoldTest;

/** The member and invitation contract on the embedded default database. */
@BillfoldTest
class MemberServiceOnH2Test extends MemberServiceContract {
}
