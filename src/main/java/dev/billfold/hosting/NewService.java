package dev.billfold.hosting;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A hosted service the provider's systems create (the API). Checked by {@link ServiceProvisioning#create}.
 *
 * @param price     the price of one period, as text, in the currency {@code currency}
 * @param period    MONTH or YEAR
 * @param paidUntil the day the paid time ends (the service is active); null: it awaits its first payment
 */
public record NewService(@Nullable String kind, @Nullable String name, @Nullable String price,
                         @Nullable String currency, @Nullable String period, @Nullable LocalDate paidUntil,
                         boolean autoRenew) {
}
