package dev.billfold.payment.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValidationUtilsKt._expectInvalid;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.billfold.payment.ui.TopUpViewTest.amount;
import static dev.billfold.payment.ui.TopUpViewTest.method;
import static dev.billfold.payment.ui.TopUpViewTest.pay;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.github.mvysny.kaributesting.v10.RadioButtonsKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.billfold.base.ui.LightSelect;
import dev.billfold.MutableClock;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.ui.KaribuTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Paying a KZT account in UZS on the top-up page (DD-099), with the demo's fixed rates (1 USD = 470 KZT = 12,750 UZS)
 * and the 1.5 % spread: the price for either side typed, the countdown moved by the test clock and a poll, the price
 * refused as expired on confirm and shown anew, and the account's own currency as before.
 */
class QuoteTopUpViewTest extends KaribuTest {

    static final Currency KZT = Currency.getInstance("KZT");
    static final Currency UZS = Currency.getInstance("UZS");
    static final Instant NOW = Instant.parse("2026-12-03T14:44:00Z");
    static final String PRICE_OF_10000_KZT = "You pay UZS 275,345.75 · KZT 10,000.00 will be credited · "
            + "1 UZS = 0.036318 KZT";

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
        signIn(customer.username());
        UI.getCurrent().navigate(TopUpView.class);
        NavigatorKt.expectView(TopUpView.class);
    }

    @Test
    void the_account_currency_is_preselected_and_the_page_tops_up_as_before() {
        assertThat(payCurrency().getValue()).isEqualTo(KZT);
        assertThat(payCurrency().getItems()).first().isEqualTo(KZT);
        assertThat(payCurrency().getItems()).contains(UZS);
        assertThat(pay().getText()).isEqualTo("Top up");
        _assertNone(Button.class, spec -> spec.withId("amount-in"));
        _assertNone(Div.class, spec -> spec.withId("quote"));

        RadioButtonsKt.selectByLabel(method(), "Card (demo checkout)");
        _setValue(amount(), "10000");
        _click(pay());

        assertThat(data.payments(customer.accountId())).as("paid at once, no price step").isEqualTo(1);
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
    }

    @Test
    void the_amount_credited_typed_shows_the_price_in_the_pay_currency_before_anything_is_paid() {
        _setValue(payCurrency(), UZS);
        assertThat(pay().getText()).isEqualTo("See the price");
        assertThat(RadioButtonsKt.getItemLabels(method())).contains("Card (demo checkout)");
        assertThat(amountPrefix()).isEqualTo("KZT");

        _setValue(amount(), "10000");
        _click(pay());

        assertThat(text("quote-price")).isEqualTo(PRICE_OF_10000_KZT);
        assertThat(text("quote-rate")).startsWith("The rate includes a 1.5% spread on the mid rate of "
                + "1 UZS = 0.0368627 KZT · rate source: fixed, ");
        assertThat(text("quote-countdown")).isEqualTo("Rate valid for 15:00");
        _assertNone(Paragraph.class, spec -> spec.withId("quote-expired"));
        assertThat(pay().getText()).isEqualTo("Confirm and pay");
        assertThat(pay().isEnabled()).isTrue();
        assertThat(data.payments(customer.accountId())).as("a price is not a payment").isZero();
    }

    @Test
    void the_pay_amount_typed_shows_what_is_credited_rounded_down_and_the_toggle_keeps_the_same_top_up() {
        _setValue(payCurrency(), UZS);
        _setValue(amount(), "10000");
        _click(pay());

        _click(amountIn());
        assertThat(amountPrefix()).isEqualTo("UZS");
        assertThat(amount().getValue()).as("the same top-up, seen from the pay side").isEqualTo("275345.75");
        noQuote();
        assertThat(amountIn().getText()).isEqualTo("Enter the amount in KZT instead");
        _click(pay());
        assertThat(text("quote-price")).isEqualTo(PRICE_OF_10000_KZT);

        _setValue(amount(), "275345.74");
        noQuote();
        assertThat(pay().getText()).isEqualTo("See the price");
        _click(pay());
        assertThat(text("quote-price")).startsWith("You pay UZS 275,345.74 · KZT 9,999.99 will be credited");
    }

    @Test
    void a_limit_is_shown_on_the_amount_field_with_both_currencies_and_nothing_is_priced() {
        _setValue(payCurrency(), UZS);
        _click(amountIn());
        _setValue(amount(), "1000");
        _click(pay());

        _expectInvalid(amount());
        assertThat(amount().getErrorMessage()).startsWith("UZS 1,000.00 is KZT 36.31. The minimum top-up is KZT 500.00.");
        noQuote();
        assertThat(pay().isEnabled()).isTrue();
    }

    @Test
    void the_countdown_moves_with_the_clock_and_at_expiry_the_button_asks_for_a_new_price() {
        _setValue(payCurrency(), UZS);
        _setValue(amount(), "10000");
        _click(pay());
        assertThat(UI.getCurrent().getPollInterval()).as("polled only while a price is shown")
                .isEqualTo(TopUpView.COUNTDOWN_POLL_MILLIS);

        clock.advance(Duration.ofSeconds(1));
        poll();
        assertThat(text("quote-countdown")).isEqualTo("Rate valid for 14:59");
        clock.advance(Duration.ofMinutes(10).plusSeconds(30));
        poll();
        assertThat(text("quote-countdown")).isEqualTo("Rate valid for 4:29");

        clock.advance(Duration.ofSeconds(269));
        poll();
        assertThat(text("quote-countdown")).isEqualTo("This price has expired: rates move. Get a new price and "
                + "confirm it.");
        assertThat(pay().getText()).isEqualTo("Get a new price");
        assertThat(UI.getCurrent().getPollInterval()).as("no poll after the price expired").isEqualTo(-1);

        _click(pay());
        assertThat(text("quote-countdown")).isEqualTo("Rate valid for 15:00");
        assertThat(pay().getText()).isEqualTo("Confirm and pay");
        assertThat(data.payments(customer.accountId())).isZero();
    }

    @Test
    void changing_the_amount_currency_or_method_drops_the_price_and_its_poll() {
        _setValue(payCurrency(), UZS);
        _setValue(amount(), "10000");
        _click(pay());
        _setValue(amount(), "20000");
        noQuote();
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);

        _click(pay());
        quote();
        _setValue(payCurrency(), KZT);
        noQuote();
        assertThat(pay().getText()).isEqualTo("Top up");
        _assertNone(Button.class, spec -> spec.withId("amount-in"));
        assertThat(amountPrefix()).isEqualTo("KZT");
    }

    @Test
    void a_price_refused_as_expired_on_confirm_is_shown_anew_with_the_reason_and_paid_only_when_confirmed_again() {
        _setValue(payCurrency(), UZS);
        RadioButtonsKt.selectByLabel(method(), "Card (demo checkout)");
        _setValue(amount(), "10000");
        _click(pay());

        // The customer clicks before the poll told the page that the price expired.
        clock.advance(Duration.ofMinutes(15));
        _click(pay());

        Paragraph refusal = _get(Paragraph.class, spec -> spec.withId("quote-expired"));
        assertThat(refusal.isVisible()).isTrue();
        assertThat(refusal.getText()).isEqualTo("The price of UZS 275,345.75 for KZT 10,000.00 has expired. Rates "
                + "move: check the new quote and confirm again.");
        assertThat(text("quote-price")).isEqualTo(PRICE_OF_10000_KZT);
        assertThat(text("quote-countdown")).isEqualTo("Rate valid for 15:00");
        assertThat(pay().getText()).isEqualTo("Confirm and pay");
        assertThat(data.payments(customer.accountId())).as("never paid at a price not seen").isZero();

        _click(pay());
        assertThat(data.payments(customer.accountId())).isEqualTo(1);
        assertThat(jdbc.sql("""
                        select count(*) from payment p join payment_quote q on q.id = p.quote_id
                         where p.account_id = ? and p.pay_value = 275345.75 and p.pay_currency = 'UZS'
                           and p.amount_value = 10000 and q.expires_at = ?""")
                .params(customer.accountId().value(), java.sql.Timestamp.from(clock.instant().plusSeconds(900)))
                .query(Integer.class).single()).as("the payment is the new price's, as shown").isEqualTo(1);
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
    }

    private static void poll() {
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
    }

    private static String text(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }

    private static String amountPrefix() {
        return ((Span) amount().getPrefixComponent()).getText();
    }

    /** Karibu finds visible components only: a price not shown, or never made, is none. */
    private static void noQuote() {
        _assertNone(Div.class, spec -> spec.withId("quote"));
    }

    private static Div quote() {
        return _get(Div.class, spec -> spec.withId("quote"));
    }

    private static Button amountIn() {
        return _get(Button.class, spec -> spec.withId("amount-in"));
    }

    @SuppressWarnings("unchecked")
    private static LightSelect<Currency> payCurrency() {
        return _get(LightSelect.class, spec -> spec.withId("pay-currency"));
    }
}
