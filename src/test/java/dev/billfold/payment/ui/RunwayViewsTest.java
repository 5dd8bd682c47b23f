package dev.billfold.payment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.hosting.ServiceFixtures;
import dev.billfold.language.Language;
import dev.billfold.ui.KaribuTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The runway (DD-104) where the customer sees it: the header under the balance, the top-up page with its presets that
 * cover time, and the renewals tab; in English and in Russian, with the warning and the nothing-draws cases.
 */
class RunwayViewsTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    Customer customer;
    ServiceFixtures fixtures;
    LocalDate today;

    @BeforeEach
    void newCustomer() {
        customer = data.newCustomer("USD");
        fixtures = new ServiceFixtures(jdbc);
        today = LocalDate.now(ZoneOffset.UTC);
    }

    @Test
    void the_top_up_page_says_how_long_the_balance_lasts_and_offers_presets_that_cover_three_months_and_a_year() {
        fixtures.credit(customer, "100.00");
        fixtures.service(customer, "VPS", "89.00", "MONTH", today.plusDays(10), "ACTIVE", true);
        openTopUp();

        // 100.00 pays the renewal in 10 days, not the one a month later
        LocalDate until = today.plusDays(10).plusMonths(1);
        long days = ChronoUnit.DAYS.between(today, until);
        assertThat(paragraph("runway").getText()).isEqualTo("Your balance covers your services until "
                + longDate(until, Locale.ENGLISH) + " (" + days + " days).");
        assertThat(span("header-runway").getText())
                .isEqualTo("covers until " + longDate(until, Locale.ENGLISH) + " · " + days + " days");
        assertThat(span("header-runway").getClassNames()).doesNotContain("warning");
        // 3 months: the renewals in 10 days, 1 month 10 days and 2 months 10 days (267.00) less the balance
        assertThat(Presets.markup()).contains(
                "<vaadin-button class=\"preset cover\" id=\"cover-3\" data-amount=\"167.00\">"
                        + "Cover 3 months: $167.00</vaadin-button>",
                "<vaadin-button class=\"preset cover\" id=\"cover-12\" data-amount=\"968.00\">"
                        + "Cover 1 year: $968.00</vaadin-button>");

        Presets.click("167.00");
        assertThat(_get(TextField.class, spec -> spec.withId("amount")).getValue()).isEqualTo("167.00");
    }

    @Test
    void the_renewals_tab_and_the_header_follow_the_language_and_warn_when_the_runway_is_short() {
        fixtures.service(customer, "VPS", "89.00", "MONTH", today.plusDays(3), "ACTIVE", true);
        signIn(customer.username());
        UI.getCurrent().setLocale(Language.RU.locale());
        try {
            UI.getCurrent().navigate("renewals");

            assertThat(paragraph("renewals-runway").getText()).isEqualTo("Вашего баланса хватит на услуги до "
                    + longDate(today.plusDays(3), Language.RU.locale()) + " (3 дня).");
            assertThat(paragraph("renewals-runway").getClassNames()).contains("warning");
            assertThat(span("header-runway").getText()).startsWith("хватит до ").endsWith(" · 3 дня");
            assertThat(span("header-runway").getClassNames()).contains("warning");
        } finally {
            UI.getCurrent().setLocale(Language.EN.locale());
        }
    }

    @Test
    void a_service_awaiting_its_first_payment_that_the_balance_cannot_pay_is_due_today() {
        fixtures.service(customer, "Migration server", "129.00", "MONTH", null, "AWAITING_PAYMENT", false);
        openTopUp();

        assertThat(paragraph("runway").getText())
                .isEqualTo("Your balance does not cover what falls due today: top up to keep your services running.");
        assertThat(paragraph("runway").getClassNames()).contains("warning");
        assertThat(Presets.markup()).as("the first period, and nothing after it without auto-renew")
                .contains("id=\"cover-3\" data-amount=\"129.00\">Cover 3 months: $129.00<")
                .contains("id=\"cover-12\" data-amount=\"129.00\">Cover 1 year: $129.00<");
    }

    @Test
    void without_services_that_draw_on_the_balance_there_is_no_runway_and_no_cover_preset() {
        fixtures.credit(customer, "50.00");
        fixtures.service(customer, "Licence", "40.00", "MONTH", today.plusDays(3), "ACTIVE", false);
        openTopUp();

        _assertNone(Paragraph.class, spec -> spec.withId("runway"));
        _assertNone(Span.class, spec -> spec.withId("header-runway"));
        assertThat(Presets.markup()).doesNotContain("cover-");
    }

    private void openTopUp() {
        signIn(customer.username());
        UI.getCurrent().navigate(TopUpView.class);
        NavigatorKt.expectView(TopUpView.class);
    }

    private static String longDate(LocalDate day, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(day);
    }

    private static Paragraph paragraph(String id) {
        return _get(Paragraph.class, spec -> spec.withId(id));
    }

    private static Span span(String id) {
        return _get(Span.class, spec -> spec.withId(id));
    }
}
