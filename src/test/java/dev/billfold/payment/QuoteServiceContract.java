package dev.billfold.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.MutableClock;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.fxrate.RateUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Quotes for paying in another currency (DD-093), with the demo's fixed rates of application.properties
 * (1 USD = 470 KZT = 12,750 UZS, so 1 UZS = 470 / 12,750 KZT through USD) and the 1.5 % spread: the lock, expiry, the
 * limits in the account currency with both amounts named, and the rounding at the edges.
 */
abstract class QuoteServiceContract {

    static final Currency KZT = Currency.getInstance("KZT");
    static final Currency UZS = Currency.getInstance("UZS");
    static final Currency EUR = Currency.getInstance("EUR");
    static final Instant NOW = Instant.parse("2026-12-03T14:44:00Z");

    @Autowired
    QuoteService quotes;
    @Autowired
    TestData data;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    Customer customer;

    @BeforeEach
    void kazakhAccount() {
        clock.set(NOW);
        customer = data.newCustomer("KZT", "OWNER", "KZ");
        TestData.signIn(customer.username());
    }

    @AfterEach
    void signOut() {
        TestData.signOut();
    }

    int storedQuotes() {
        return jdbc.sql("select count(*) from payment_quote where account_id = ?").param(customer.accountId().value())
                .query(Integer.class).single();
    }

    @Test
    void a_kzt_account_pays_in_its_own_currency_first_then_the_configured_ones() {
        assertThat(quotes.payCurrencies(customer.accountId())).first().isEqualTo(KZT);
        assertThat(quotes.payCurrencies(customer.accountId())).contains(UZS, Currency.getInstance("AMD"))
                .doesNotContain(EUR);
    }

    @Test
    void the_credited_amount_typed_is_priced_up_and_locked_for_fifteen_minutes() {
        Quote quote = quotes.quote(customer.accountId(), UZS, "10000", QuoteService.Typed.CREDITED_AMOUNT);

        // 10,000 × 12,750 × 1.015 / 470 = 275,345.7446... UZS, rounded up
        assertThat(quote.pay()).isEqualTo(Money.of("275345.75", "UZS"));
        assertThat(quote.credited()).isEqualTo(Money.of("10000", "KZT"));
        assertThat(quote.midRate()).isEqualByComparingTo("0.036862745098");
        assertThat(quote.spreadPercent()).isEqualByComparingTo("1.5");
        assertThat(quote.rate()).isEqualByComparingTo("0.036317975466");
        assertThat(quote.rateSource()).isEqualTo("fixed");
        assertThat(quote.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(quotes.requireValid(customer.accountId(), quote.id())).isEqualTo(quote);
        assertThat(storedQuotes()).isEqualTo(1);
    }

    @Test
    void the_pay_amount_typed_credits_rounded_down_at_the_edge() {
        assertThat(quotes.quote(customer.accountId(), UZS, "275345.75", QuoteService.Typed.PAY_AMOUNT).credited())
                .isEqualTo(Money.of("10000.00", "KZT"));
        assertThat(quotes.quote(customer.accountId(), UZS, "275345.74", QuoteService.Typed.PAY_AMOUNT).credited())
                .isEqualTo(Money.of("9999.99", "KZT"));
    }

    @Test
    void an_expired_quote_is_refused_and_a_new_one_is_made_at_the_rate_of_now() {
        Quote quote = quotes.quote(customer.accountId(), UZS, "10000", QuoteService.Typed.CREDITED_AMOUNT);

        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(quotes.requireValid(customer.accountId(), quote.id()).pay()).isEqualTo(quote.pay());
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> quotes.requireValid(customer.accountId(), quote.id()))
                .isInstanceOf(QuoteExpiredException.class)
                .hasMessage("The price of UZS 275,345.75 for KZT 10,000.00 has expired. Rates move: check the new "
                        + "quote and confirm again.");

        Quote again = quotes.quote(customer.accountId(), UZS, "10000", QuoteService.Typed.CREDITED_AMOUNT);
        assertThat(again.id()).isNotEqualTo(quote.id());
        assertThat(quotes.requireValid(customer.accountId(), again.id()).expiresAt())
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
    }

    @Test
    void limits_are_checked_on_the_amount_credited_and_the_message_names_both_currencies() {
        // 1,000 UZS is 36.31 KZT, under the KZT minimum of 500
        assertThatThrownBy(() -> quotes.quote(customer.accountId(), UZS, "1000", QuoteService.Typed.PAY_AMOUNT))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("UZS 1,000.00 is KZT 36.31. The minimum top-up is KZT 500.00.");
        assertThatThrownBy(() -> quotes.quote(customer.accountId(), UZS, "6000000", QuoteService.Typed.PAY_AMOUNT))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("UZS 6,000,000.00 is KZT ").hasMessageContaining("The maximum top-up is");
        // Typed in the account's currency: the price is named too (100 KZT × 12,750 × 1.015 / 470 = 2,753.46 UZS).
        assertThatThrownBy(() -> quotes.quote(customer.accountId(), UZS, "100", QuoteService.Typed.CREDITED_AMOUNT))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("UZS 2,753.46 is KZT 100.00. The minimum top-up is KZT 500.00.");
        assertThatThrownBy(() -> quotes.quote(customer.accountId(), UZS, "abc", QuoteService.Typed.PAY_AMOUNT))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("as a number");
        assertThat(storedQuotes()).isZero();
    }

    @Test
    void a_currency_the_account_does_not_pay_in_or_without_a_rate_is_refused_and_stores_nothing() {
        assertThatThrownBy(() -> quotes.quote(customer.accountId(), EUR, "100", QuoteService.Typed.PAY_AMOUNT))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("KZT accounts are not paid in EUR here. Choose one of KZT, AMD");
        assertThatThrownBy(() -> quotes.quote(customer.accountId(), KZT, "1000", QuoteService.Typed.PAY_AMOUNT))
                .isInstanceOf(InvalidRequestException.class);
        Customer dollars = data.newCustomer("USD", "OWNER", "US");
        TestData.signIn(dollars.username());
        // 50 × 1.015 / 1.055 = 48.104... EUR, rounded up
        assertThat(quotes.quote(dollars.accountId(), EUR, "50.00", QuoteService.Typed.CREDITED_AMOUNT).pay())
                .isEqualTo(Money.of("48.11", "EUR"));
        assertThatThrownBy(() -> quotes.quote(dollars.accountId(), Currency.getInstance("GBP"), "50",
                QuoteService.Typed.PAY_AMOUNT)).isInstanceOf(InvalidRequestException.class)
                .isNotInstanceOf(RateUnavailableException.class);
    }
}
