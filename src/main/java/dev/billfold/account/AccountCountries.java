package dev.billfold.account;

import dev.billfold.base.InternalCall;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Where an account is registered, for rules that depend on it (card countries, methods by country). */
@Component
public class AccountCountries {

    private final AccountRepository accounts;

    AccountCountries(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /** The account's ISO 3166 alpha-2 country, if it has one. Not a permission check: callers have the account. */
    @InternalCall("the settlements ask while applying a provider's answer, from a webhook or the poller too, where no "
            + "user is signed in; they already hold the payment or method of this account")
    @Transactional(readOnly = true)
    public Optional<String> of(AccountId accountId) {
        return accounts.findById(accountId).map(Account::country);
    }
}
