package dev.billfold.account;

import java.util.Currency;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/** A customer of the hosting provider. Its balance is kept in one currency. */
public record Account(
        @Id AccountId id,
        String name,
        Currency currency,
        @Nullable String country,
        @Version @Nullable Long version) {

    public Account {
        Objects.requireNonNull(id);
        Objects.requireNonNull(currency);
        if (name.isBlank()) {
            throw new IllegalArgumentException("An account needs a name");
        }
    }

    Account withVersion(Long newVersion) {
        return new Account(id, name, currency, country, newVersion);
    }
}
