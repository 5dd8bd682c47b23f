package dev.billfold.account;

/** The member and invitation contract on the embedded default database. */
class MemberServiceOnH2Test extends MemberServiceContract {
}
