package dev.billfold.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopUpLimitsTest {

    private static final Currency KZT = Currency.getInstance("KZT");
    private static final Currency UZS = Currency.getInstance("UZS");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TopUpLimits limits = new TopUpLimits(new TopUpProperties(ZoneId.of("UTC"), Map.of(
            "KZT", new TopUpProperties.CurrencyLimits(new BigDecimal("500"), new BigDecimal("200000"),
                    new BigDecimal("300000"), 5, List.of(new BigDecimal("5000"))),
            "UZS", new TopUpProperties.CurrencyLimits(new BigDecimal("10000"), new BigDecimal("5000000"), null, null,
                    List.of()))), new PaymentMeters(registry));

    @Test
    void refusals_are_counted_by_reason_and_nothing_else_is() {
        assertThatThrownBy(() -> limits.parseAndCheck("100", KZT)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> limits.parseAndCheck("200001", KZT)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> limits.parseAndCheck("abc", KZT)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> limits.checkDaily(Money.of("100", "KZT"),
                new TopUpLimits.DailyUsage(5, Money.of("1000", "KZT")))).isInstanceOf(InvalidRequestException.class);
        limits.parseAndCheck("5000", KZT);

        assertThat(refusals("below_minimum")).isEqualTo(1);
        assertThat(refusals("above_maximum")).isEqualTo(1);
        assertThat(refusals("daily_count")).isEqualTo(1);
        assertThat(refusals("daily_total")).isZero();
    }

    private double refusals(String reason) {
        return registry.get(PaymentMeters.LIMIT_REFUSALS).tag("reason", reason).counter().count();
    }

    @Test
    void daily_total_says_how_much_is_left() {
        var used = new TopUpLimits.DailyUsage(2, Money.of("250000", "KZT"));

        assertThatThrownBy(() -> limits.checkDaily(Money.of("50000.01", "KZT"), used))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Top-ups are limited to KZT 300,000.00 a day; KZT 50,000.00 is left today.");
        limits.checkDaily(Money.of("50000", "KZT"), used);
    }

    @Test
    void daily_count_is_checked_before_the_total() {
        assertThatThrownBy(() -> limits.checkDaily(Money.of("500", "KZT"), new TopUpLimits.DailyUsage(5, Money.of("2500", "KZT"))))
                .hasMessage("At most 5 top-ups a day are allowed, and you have made 5 today. Try again tomorrow.");
    }

    @Test
    void uzs_limits_per_payment_and_no_daily_caps() {
        assertThat(limits.parseAndCheck("10 000", UZS)).isEqualTo(Money.of("10000", "UZS"));
        assertThat(limits.parseAndCheck("5,000,000", UZS)).isEqualTo(Money.of("5000000", "UZS"));
        assertThatThrownBy(() -> limits.parseAndCheck("9999.99", UZS)).hasMessageStartingWith("The minimum top-up is UZS 10,000.00.");
        assertThatThrownBy(() -> limits.parseAndCheck("5000000.01", UZS)).hasMessageStartingWith("The maximum top-up is UZS 5,000,000.00 per payment.");
        limits.checkDaily(Money.of("5000000", "UZS"), new TopUpLimits.DailyUsage(100, Money.of("100000000", "UZS")));
    }

    @Test
    void an_amount_over_32_characters_is_refused_before_it_is_parsed() {
        String longest = "0".repeat(TopUpRequest.AMOUNT_MAX_LENGTH - 5) + "10000";
        assertThat(limits.parseAndCheck(longest, UZS)).isEqualTo(Money.of("10000", "UZS"));

        // One character more, though a fine number, is not read at all.
        assertThatThrownBy(() -> limits.parseAndCheck("0" + longest, UZS))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("The amount has at most 32 characters. Enter between UZS 10,000.00 and UZS 5,000,000.00.");
        // A million digits used to keep a core busy for about 26 s; the refusal does not look at them.
        String million = "1" + "0".repeat(999_999);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThatThrownBy(
                () -> limits.parseAndCheck(million, UZS)).hasMessageStartingWith("The amount has at most 32 characters."));
    }

    @Test
    void a_comma_alone_is_a_decimal_separator() {
        assertThat(limits.parseAndCheck("1000,5", KZT)).isEqualTo(Money.of("1000.50", "KZT"));
    }

    @Test
    void an_unconfigured_currency_cannot_be_topped_up() {
        assertThatThrownBy(() -> limits.parseAndCheck("100", Currency.getInstance("KES")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Top-ups in KES are not available. Contact support.");
    }

    @Test
    void contradictory_limits_are_refused_at_startup() {
        assertThatThrownBy(() -> new TopUpProperties.CurrencyLimits(new BigDecimal("100000"), new BigDecimal("70000"),
                null, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min <= max");
        assertThatThrownBy(() -> new TopUpProperties.CurrencyLimits(BigDecimal.ONE, BigDecimal.TEN, null, null,
                List.of(new BigDecimal("11"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Preset 11");
    }
}
