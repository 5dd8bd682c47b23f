package dev.billfold.account;

/** One of the current user's accounts, as the account switcher offers it. */
public record AccountChoice(AccountId id, String name, Role role) {
}
