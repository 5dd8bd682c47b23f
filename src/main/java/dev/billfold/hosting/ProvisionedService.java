package dev.billfold.hosting;

import dev.billfold.account.AccountId;
import dev.billfold.base.Money;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A hosted service as the provider's systems read it.
 *
 * @param periodsOffered how many periods a renewal may pay for at once
 * @param nextPrice      a price change, from {@code nextPriceFrom} on; null when none is pending
 */
public record ProvisionedService(HostedServiceId id, AccountId accountId, HostedServiceKind kind, String name,
                                 Money price, BillingPeriod period, List<Integer> periodsOffered,
                                 @Nullable LocalDate paidUntil, HostedServiceStatus status, boolean autoRenew,
                                 @Nullable Money nextPrice, @Nullable LocalDate nextPriceFrom) {

    static ProvisionedService of(HostedService service) {
        return new ProvisionedService(service.id(), service.accountId(), service.kind(), service.name(),
                service.price(), service.period(), service.period().allowedCounts(), service.paidUntil(),
                service.status(), service.autoRenew(), service.nextPrice(), service.nextPriceFrom());
    }
}
