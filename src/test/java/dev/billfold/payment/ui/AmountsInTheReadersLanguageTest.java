package dev.billfold.payment.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValidationUtilsKt._expectInvalid;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.github.mvysny.kaributesting.v10.RadioButtonsKt;
import com.vaadin.flow.component.UI;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.ui.KaribuTest;
import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The amount field in the reader's language (issue 21, DD-101): the language's own decimal and group signs are read,
 * what could be read two ways is refused on the field, and the service's refusals come in that language.
 */
class AmountsInTheReadersLanguageTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    Customer customer;

    @BeforeEach
    void aRussianReader() {
        customer = data.newCustomer("USD");
        signIn(customer.username());
        UI.getCurrent().setLocale(Locale.of("ru"));
        UI.getCurrent().navigate(TopUpView.class);
        NavigatorKt.expectView(TopUpView.class);
        RadioButtonsKt.selectByLabel(TopUpViewTest.method(), "Card (demo checkout)");
    }

    @Test
    void an_amount_that_could_mean_a_thousand_times_more_is_refused_on_the_field_and_creates_nothing() {
        _setValue(TopUpViewTest.amount(), "1.234");
        _click(TopUpViewTest.pay());

        _expectInvalid(TopUpViewTest.amount(),
                "Введите сумму цифрами, отделяя дробную часть знаком «,», например 1250,50.");
        assertThat(data.payments(customer.accountId())).isZero();
    }

    @Test
    void the_services_refusal_is_in_russian_with_russian_money() {
        _setValue(TopUpViewTest.amount(), "15 000,01");
        _click(TopUpViewTest.pay());

        _expectInvalid(TopUpViewTest.amount(), "Максимальное пополнение — 15\u00A0000,00\u00A0$ за один платёж. "
                + "Введите сумму от 0,50\u00A0$ до 15\u00A0000,00\u00A0$.");
        assertThat(data.payments(customer.accountId())).isZero();
    }

    @Test
    void an_amount_written_the_russian_way_is_paid_as_it_reads() {
        _setValue(TopUpViewTest.amount(), "1 234,50");
        _click(TopUpViewTest.pay());

        assertThat(jdbc.sql("select amount_value from payment where account_id = ?").param(customer.accountId().value())
                .query(BigDecimal.class).single()).isEqualByComparingTo("1234.50");
    }
}
