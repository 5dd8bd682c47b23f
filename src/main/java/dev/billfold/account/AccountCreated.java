package dev.billfold.account;

/**
 * An account was created. Published inside the transaction that creates it, by whatever creates accounts (the
 * integration API; the demo data is SQL and publishes nothing). The webhooks' {@code account.created} listens.
 *
 * @param currency the balance currency's code
 */
public record AccountCreated(AccountId accountId, String name, String currency) {
}
