package dev.billfold.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.account.AccountId;
import dev.billfold.base.IllegalTransitionException;
import dev.billfold.base.Money;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A price change applies to the periods that start on or after its day, and a terminated service goes nowhere. */
class HostedServicePriceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    private final HostedService vps = new HostedService(HostedServiceId.random(), AccountId.random(), "VPS",
            HostedServiceKind.VPS, Money.of("10.00", "USD"), BillingPeriod.MONTH, LocalDate.of(2026, 12, 20),
            HostedServiceStatus.ACTIVE, true, 3, null, null);

    @Test
    void periods_before_the_day_keep_the_old_price_and_the_later_ones_cost_the_new_one() {
        HostedService changed = vps.priceChanged(Money.of("12.00", "USD"), LocalDate.of(2027, 1, 20), TODAY);
        List<PaidPeriod> periods = changed.nextPeriods(3, TODAY);
        assertThat(periods).extracting(period -> changed.priceFor(period.start()).value().toPlainString())
                .containsExactly("10.00", "12.00", "12.00");
        RenewalPlan plan = RenewalPlan.of(List.of(changed), List.of(new RenewalLine(changed.id(), 3)), TODAY,
                java.util.Currency.getInstance("USD"));
        assertThat(plan.total()).isEqualTo(Money.of("34.00", "USD"));
    }

    @Test
    void a_change_in_effect_becomes_the_price_and_one_not_yet_in_effect_is_replaced() {
        HostedService first = vps.priceChanged(Money.of("11.00", "USD"), TODAY, TODAY);
        HostedService second = first.priceChanged(Money.of("13.00", "USD"), TODAY.plusMonths(2), TODAY);
        assertThat(second.price()).isEqualTo(Money.of("11.00", "USD"));
        assertThat(second.nextPrice()).isEqualTo(Money.of("13.00", "USD"));
        HostedService third = second.priceChanged(Money.of("9.00", "USD"), TODAY.plusMonths(1), TODAY);
        assertThat(third.price()).isEqualTo(Money.of("11.00", "USD"));
        assertThat(third.nextPriceFrom()).isEqualTo(TODAY.plusMonths(1));
    }

    @Test
    void a_terminated_service_is_never_renewed_resumed_or_repriced() {
        HostedService terminated = vps.terminated();
        assertThat(terminated.autoRenew()).isFalse();
        assertThatThrownBy(() -> terminated.renewedUntil(LocalDate.of(2027, 1, 20)))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(terminated::resumed).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> terminated.priceChanged(Money.of("1.00", "USD"), TODAY, TODAY))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(vps::resumed).as("only a suspended service resumes")
                .isInstanceOf(IllegalTransitionException.class);
    }
}
