package dev.billfold.hosting;

import dev.billfold.base.Money;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A service as the Renewals tab lists it, with what each term would cost and until when it would then be paid.
 *
 * @param expiringSoon active, and the paid time ends within a few days
 */
public record HostedServiceSummary(HostedServiceId id, String name, HostedServiceKind kind, Money price,
                                   BillingPeriod period, @Nullable LocalDate paidUntil, HostedServiceStatus status,
                                   boolean expiringSoon, boolean autoRenew, List<Term> terms) {

    public String statusLabel() {
        return expiringSoon ? "Expiring soon" : status.label();
    }

    /** "$24.00 / month". */
    public String priceLabel() {
        return price.format() + " / " + period.unit();
    }

    /**
     * A choice of how long to renew for: "3 months" costs {@code cost} and pays the service until {@code paidUntil}.
     */
    public record Term(int periods, String label, Money cost, LocalDate paidUntil) {
    }
}
