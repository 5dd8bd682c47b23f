package dev.billfold.account;

import dev.billfold.base.Money;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An account as the provider's systems read it through the API: with its external id and its balance. */
public record ProvisionedAccount(AccountId id, String number, String name, String currency, @Nullable String country,
                                 @Nullable String externalId, Money balance) {
}
