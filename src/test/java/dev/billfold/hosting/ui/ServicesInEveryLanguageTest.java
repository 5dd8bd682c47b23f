package dev.billfold.hosting.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.hosting.HostedServiceId;
import dev.billfold.hosting.ServiceFixtures;
import dev.billfold.language.Language;
import dev.billfold.language.PageTexts;
import dev.billfold.language.Translations;
import dev.billfold.ui.KaribuTest;
import dev.billfold.ui.PageTabs;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The customer's pages around their services in every language: Renewals with a service on it, the powers of
 * attorney and the refunds tab. The heading is the language's own, nothing is a missing key, and the data-driven
 * texts (status, term, amounts) follow.
 */
class ServicesInEveryLanguageTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Translations translations;

    Customer customer;
    HostedServiceId vps;

    @BeforeEach
    void customerWithAService() {
        customer = data.newCustomer("USD");
        var fixtures = new ServiceFixtures(jdbc);
        fixtures.credit(customer, "1234.50");
        vps = fixtures.service(customer, "VPS Cloud-4", "24.00", "MONTH", LocalDate.now(ZoneOffset.UTC).plusDays(40),
                "ACTIVE", false);
        signIn(customer.username());
    }

    @Test
    void renewals_powers_of_attorney_and_refunds_speak_every_language_with_no_missing_text() {
        for (Language language : Language.values()) {
            UI.getCurrent().setLocale(language.locale());
            check(language, PageTabs.RENEWALS, "hosting.renewals.title");
            check(language, "powers-of-attorney", "document.powers.title");
            check(language, PageTabs.REFUNDS, "refund.customer.title");
        }
    }

    @Test
    void renewals_in_russian_show_russian_statuses_terms_and_amounts() {
        UI.getCurrent().setLocale(Language.RU.locale());
        UI.getCurrent().navigate(PageTabs.RENEWALS);
        assertThat(_get(H2.class).getText()).isEqualTo("Продление услуг");
        assertThat(_get(Span.class, spec -> spec.withId("status-" + vps.value())).getText()).isEqualTo("Активна");
        assertThat(_get(Span.class, spec -> spec.withId("renewals-balance")).getText()).isEqualTo("1\u00a0234,50\u00a0$");
        assertThat(_get(Span.class, spec -> spec.withId("cost-" + vps.value())).getText())
                .startsWith("24,00\u00a0$ за 1 месяц: будет оплачена до ");
        assertThat(_get(Span.class, spec -> spec.withId("renewal-total")).getText())
                .isEqualTo("Выберите услуги для продления.");
    }

    @Test
    void switching_the_language_renders_the_services_again_without_a_reload() {
        UI.getCurrent().navigate(PageTabs.RENEWALS);
        var view = _get(RenewalsView.class);
        assertThat(_get(Span.class, spec -> spec.withId("status-" + vps.value())).getText()).isEqualTo("Active");
        UI.getCurrent().setLocale(Language.KK.locale());
        dev.billfold.base.ui.Localized.refresh(UI.getCurrent());
        assertThat(_get(RenewalsView.class)).as("the same page, not a new one").isSameAs(view);
        assertThat(_get(H2.class).getText()).isEqualTo("Қызметтерді ұзарту");
        assertThat(_get(Span.class, spec -> spec.withId("status-" + vps.value())).getText()).isEqualTo("Белсенді");
    }

    private void check(Language language, String route, String titleKey) {
        UI.getCurrent().navigate(route);
        String title = translations.translate(language, titleKey);
        assertThat(_get(H2.class).getText()).as(route + " in " + language).isEqualTo(title);
        if (language != Language.EN) {
            assertThat(title).isNotEqualTo(translations.translate(Language.EN, titleKey));
        }
        List<String> texts = PageTexts.of(UI.getCurrent());
        assertThat(texts).as(route + " in " + language).noneMatch(text -> text.contains("!{"));
    }
}
