package dev.billfold.account;

import org.jspecify.annotations.Nullable;

/**
 * An account the provider's provisioning creates. Checked by {@link AccountProvisioning#create}.
 *
 * @param externalId the provider's own id for the customer (its CRM's), unique; optional
 */
public record NewAccount(@Nullable String name, @Nullable String currency, @Nullable String country,
                         @Nullable String externalId) {
}
