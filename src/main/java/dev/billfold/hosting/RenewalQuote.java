package dev.billfold.hosting;

import dev.billfold.base.Money;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a renewal would cost against the balance.
 *
 * @param shortfall    how much the balance lacks; zero when it covers the renewal
 * @param topUpAmount  what to top up to cover the shortfall (rounded up, at least the minimum top-up); null when
 *                     there is no shortfall or it cannot be topped up in one payment ({@code topUpProblem} says why)
 */
public record RenewalQuote(List<Line> lines, Money total, Money balance, Money shortfall, @Nullable Money topUpAmount,
                           @Nullable String topUpProblem) {

    public boolean coveredByBalance() {
        return !shortfall.isPositive();
    }

    public record Line(HostedServiceId serviceId, String serviceName, int periods, String term, Money cost,
                       LocalDate paidUntil) {
    }
}
