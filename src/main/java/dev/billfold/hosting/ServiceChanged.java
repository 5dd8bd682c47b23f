package dev.billfold.hosting;

import dev.billfold.account.AccountId;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Something happened to a hosted service that the provider's own systems act on (its provisioning stops a server on
 * SUSPENDED). Published inside the transaction of the change; the webhooks listen.
 *
 * @param paidUntil the service's paid-until after the change
 * @param cause     unique per occurrence (the service and the paid period, or the day of a failure), so that one
 *                  change is one event however often it is published
 * @param message   the customer's words for it, for a failure the reason
 */
public record ServiceChanged(AccountId accountId, HostedServiceId serviceId, Change change,
                             @Nullable LocalDate paidUntil, String cause, @Nullable String message) {

    public enum Change {
        /** Published by whatever creates services (the integration API). */
        CREATED,
        RENEWED,
        RENEWAL_FAILED,
        SUSPENDED,
        /** A suspended service switched on again (renewed, or resumed by the provider). */
        RESUMED
    }
}
