package dev.billfold.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.account.AccountId;
import dev.billfold.base.Money;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The runway's arithmetic and what goes into it (DD-104), on services as stored. */
class RunwayForecastTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    private static final Currency USD = Currency.getInstance("USD");

    @Test
    void a_balance_pays_the_renewals_that_fall_due_until_one_it_cannot_pay() {
        // $89 a month, renewing on the 20th; $300 pays Dec 20, Jan 20 and Feb 20, not Mar 20
        var vps = service("89.00", BillingPeriod.MONTH, LocalDate.of(2026, 12, 20), HostedServiceStatus.ACTIVE, true);

        Runway runway = forecast(vps).runway(usd("300.00"));

        assertThat(runway.coveredUntil()).isEqualTo(LocalDate.of(2027, 3, 20));
        assertThat(runway.days()).contains(106L);
        assertThat(runway.dailyCost()).isEqualTo(usd("2.92"));
        assertThat(runway.draws()).isTrue();
    }

    @Test
    void several_services_draw_in_the_order_their_renewals_fall_due() {
        var monthly = service("10.00", BillingPeriod.MONTH, LocalDate.of(2026, 12, 10), HostedServiceStatus.ACTIVE,
                true);
        var yearly = service("100.00", BillingPeriod.YEAR, LocalDate.of(2026, 12, 15), HostedServiceStatus.ACTIVE,
                true);

        // Dec 10: 10 (left 105), Dec 15: 100 (left 5), Jan 10: 10 cannot be paid
        Runway runway = forecast(monthly, yearly).runway(usd("115.00"));

        assertThat(runway.coveredUntil()).isEqualTo(LocalDate.of(2027, 1, 10));
        assertThat(runway.dailyCost()).isEqualTo(usd("0.60"));
    }

    @Test
    void a_service_without_auto_renew_ends_at_its_paid_until_and_draws_nothing() {
        var manual = service("89.00", BillingPeriod.MONTH, LocalDate.of(2026, 12, 20), HostedServiceStatus.ACTIVE,
                false);

        Runway runway = forecast(manual).runway(usd("10.00"));

        assertThat(runway.draws()).isFalse();
        assertThat(runway.coveredUntil()).isNull();
        assertThat(runway.days()).isEmpty();
        assertThat(runway.dailyCost()).isEqualTo(usd("0.00"));
    }

    @Test
    void a_service_awaiting_its_first_payment_is_due_today_and_again_only_with_auto_renew() {
        var once = service("20.00", BillingPeriod.MONTH, null, HostedServiceStatus.AWAITING_PAYMENT, false);
        var renewing = service("20.00", BillingPeriod.MONTH, null, HostedServiceStatus.AWAITING_PAYMENT, true);

        assertThat(forecast(once).charges()).singleElement()
                .satisfies(charge -> assertThat(charge.due()).isEqualTo(TODAY));
        assertThat(forecast(renewing).charges()).hasSizeGreaterThan(12).first()
                .satisfies(charge -> assertThat(charge.due()).isEqualTo(TODAY));
        // Not even the first period: covered until today, 0 days
        assertThat(forecast(once).runway(usd("5.00")).days()).contains(0L);
    }

    @Test
    void a_suspended_service_with_auto_renew_is_charged_from_today_as_the_renewal_job_charges_it() {
        var lapsed = service("30.00", BillingPeriod.MONTH, LocalDate.of(2026, 11, 1), HostedServiceStatus.SUSPENDED,
                true);

        Runway runway = forecast(lapsed).runway(usd("50.00"));

        assertThat(forecast(lapsed).charges().getFirst().due()).isEqualTo(TODAY);
        assertThat(runway.coveredUntil()).isEqualTo(TODAY.plusMonths(1));
    }

    @Test
    void a_price_change_applies_from_its_day_and_a_balance_below_zero_covers_nothing() {
        var vps = service("10.00", BillingPeriod.MONTH, LocalDate.of(2026, 12, 20), HostedServiceStatus.ACTIVE, true)
                .priceChanged(usd("50.00"), LocalDate.of(2027, 1, 20), TODAY);

        // Dec 20: 10 (left 50), Jan 20: 50 (left 0), Feb 20: 50 cannot be paid
        assertThat(forecast(vps).runway(usd("60.00")).coveredUntil()).isEqualTo(LocalDate.of(2027, 2, 20));
        assertThat(forecast(vps).runway(usd("-5.00")).coveredUntil()).isEqualTo(LocalDate.of(2026, 12, 20));
    }

    @Test
    void a_balance_that_lasts_beyond_the_horizon_says_so() {
        var vps = service("1.00", BillingPeriod.YEAR, LocalDate.of(2027, 1, 1), HostedServiceStatus.ACTIVE, true);

        Runway runway = forecast(vps).runway(usd("1000.00"));

        assertThat(runway.coveredUntil()).isNull();
        assertThat(runway.coversBeyond()).isEqualTo(TODAY.plusYears(RunwayForecast.HORIZON_YEARS));
        assertThat(runway.shorterThan(10_000)).isFalse();
    }

    @Test
    void what_covers_a_span_is_what_falls_due_before_its_end_less_the_balance() {
        var vps = service("89.00", BillingPeriod.MONTH, LocalDate.of(2026, 12, 20), HostedServiceStatus.ACTIVE, true);
        RunwayForecast forecast = forecast(vps);

        // Before Mar 4: Dec 20, Jan 20, Feb 20 = 267
        assertThat(forecast.neededUntil(TODAY.plusMonths(3), usd("0.00"))).isEqualTo(usd("267.00"));
        assertThat(forecast.neededUntil(TODAY.plusMonths(3), usd("100.00"))).isEqualTo(usd("167.00"));
        assertThat(forecast.neededUntil(TODAY.plusMonths(3), usd("500.00"))).isEqualTo(usd("0.00"));
        // A year: Dec 20 .. Nov 20 = 12 renewals
        assertThat(forecast.neededUntil(TODAY.plusMonths(12), usd("0.00"))).isEqualTo(usd("1068.00"));
    }

    private static RunwayForecast forecast(HostedService... services) {
        return RunwayForecast.of(List.of(services), USD, TODAY);
    }

    private static HostedService service(String price, BillingPeriod period, @Nullable LocalDate paidUntil,
                                         HostedServiceStatus status, boolean autoRenew) {
        return new HostedService(HostedServiceId.random(), AccountId.random(), "VPS", HostedServiceKind.VPS,
                usd(price), period, paidUntil, status, autoRenew, 0, null, null);
    }

    private static Money usd(String value) {
        return Money.of(value, "USD");
    }
}
