package dev.billfold.account;

import java.util.Currency;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;

/** A customer of the hosting provider, known to people by its account number. Its balance is kept in one currency. */
public record Account(
        @Id AccountId id,
        String name,
        Currency currency,
        @Nullable String country,
        @Column("account_number") String number,
        @Version @Nullable Long version) {

    public Account {
        Objects.requireNonNull(id);
        Objects.requireNonNull(currency);
        if (name.isBlank()) {
            throw new IllegalArgumentException("An account needs a name");
        }
        if (!AccountNumber.isValid(number)) {
            throw new IllegalArgumentException("Not a valid account number: " + number);
        }
    }

    Account withVersion(Long newVersion) {
        return new Account(id, name, currency, country, number, newVersion);
    }
}
