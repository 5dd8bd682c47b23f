package dev.billfold.staff.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.QueryParameters;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.audit.AuditEntry;
import dev.billfold.base.ui.Localized;
import dev.billfold.language.Language;
import dev.billfold.language.PageTexts;
import dev.billfold.language.Translations;
import dev.billfold.staff.StaffRole;
import dev.billfold.ui.KaribuTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every translated back-office page in every language: the page's title is the bundle's text for that language (and
 * not the English one, outside English), the frame's menu too, and no text on the page is a missing key. A switch of
 * language relabels the page in place, so what is being typed stays.
 */
class BackOfficeInEveryLanguageTest extends KaribuTest {

    /** Route and the bundle key of the page's heading. */
    private static final Map<String, String> PAGES = Map.ofEntries(
            Map.entry("ops/payment-orders", "document.payment-orders.title"),
            Map.entry("ops/powers-of-attorney", "document.powers.title"),
            Map.entry("ops/refunds", "refund.ops.title"),
            Map.entry("ops/statements", "statement.imports.title"),
            Map.entry("ops/statements/import", "statement.import.title"),
            Map.entry("ops/unmatched", "statement.unmatched.title"),
            Map.entry("ops/adjustments", "adjustment.queue.title"),
            Map.entry("ops/adjust", "adjustment.adjust.title"),
            Map.entry("ops/audit", "audit.title"),
            Map.entry("ops/api-keys", "apikey.title"),
            Map.entry("ops", "ops.search.title"),
            Map.entry("ops/webhooks", "webhook.title"));

    @Autowired
    TestData data;
    @Autowired
    Translations translations;

    @Test
    void every_back_office_page_speaks_every_language_with_no_missing_text() {
        signInStaff(data.newStaffUser(), StaffRole.SUPPORT, StaffRole.FINANCE, StaffRole.ADMIN);
        for (Language language : Language.values()) {
            UI.getCurrent().setLocale(language.locale());
            Localized.refresh(UI.getCurrent());
            PAGES.forEach((route, titleKey) -> {
                UI.getCurrent().navigate(route);
                String title = translations.translate(language, titleKey);
                assertThat(_get(H2.class).getText()).as(route + " in " + language).isEqualTo(title);
                if (language != Language.EN) {
                    assertThat(title).as(titleKey + " translated into " + language)
                            .isNotEqualTo(translations.translate(Language.EN, titleKey));
                }
                assertThat(_get(Span.class, spec -> spec.withClasses("brand")).getText())
                        .isEqualTo(translations.translate(language, "staff.brand"));
                List<String> texts = PageTexts.of(UI.getCurrent());
                assertThat(texts).as(route + " in " + language).noneMatch(text -> text.contains("!{"));
                assertThat(texts).as("the menu in " + language)
                        .contains(translations.translate(language, "staff.menu.payment-orders"));
            });
        }
    }

    @Test
    void an_accounts_page_and_its_sections_speak_every_language_with_no_missing_text() {
        Customer customer = data.newCustomer("USD");
        signInStaff(data.newStaffUser(), StaffRole.SUPPORT, StaffRole.FINANCE, StaffRole.ADMIN);
        for (Language language : Language.values()) {
            UI.getCurrent().setLocale(language.locale());
            Localized.refresh(UI.getCurrent());
            UI.getCurrent().navigate("ops/account", QueryParameters.of("id", customer.accountId().value().toString()));
            List<String> texts = PageTexts.of(UI.getCurrent());
            assertThat(texts).as("account page in " + language).noneMatch(text -> text.contains("!{"))
                    .contains(translations.translate(language, "ops.account.payers"),
                            translations.translate(language, "refund.account.title"),
                            translations.translate(language, "webhook.low-balance.title"),
                            translations.translate(language, "audit.column.who"));
        }
    }

    @Test
    void a_note_being_typed_stays_when_the_language_is_switched() {
        Customer customer = data.newCustomer("USD");
        signInStaff(data.newStaffUser(), StaffRole.SUPPORT);
        UI.getCurrent().navigate("ops/account", QueryParameters.of("id", customer.accountId().value().toString()));
        TextArea note = _get(TextArea.class, spec -> spec.withId("note-text"));
        note.setValue("Called about the invoice");
        UI.getCurrent().setLocale(Language.UZ.locale());
        Localized.refresh(UI.getCurrent());
        assertThat(_get(TextArea.class, spec -> spec.withId("note-text"))).isSameAs(note);
        assertThat(note.getValue()).isEqualTo("Called about the invoice");
        assertThat(note.getLabel()).isEqualTo("Qayd");
        assertThat(_get(Button.class, spec -> spec.withId("note-add")).getText()).isEqualTo("Qayd qoʻshish");
        @SuppressWarnings("unchecked")
        Grid<AuditEntry> trail = _get(Grid.class, spec -> spec.withId("ops-account-trail"));
        assertThat(trail.getColumns()).extracting(Grid.Column::getHeaderText).as("headers relabelled in place")
                .contains("Kim", "Izoh");
    }

    @Test
    void the_back_office_in_russian_names_its_pages_in_russian() {
        signInStaff(data.newStaffUser(), StaffRole.SUPPORT, StaffRole.FINANCE, StaffRole.ADMIN);
        UI.getCurrent().setLocale(Language.RU.locale());
        UI.getCurrent().navigate("ops/payment-orders");
        assertThat(_get(H2.class).getText()).isEqualTo("Платёжные поручения");
        assertThat(PageTexts.of(UI.getCurrent())).contains("Бэк-офис Billfold", "Доверенности", "Выйти",
                "Нет платёжных поручений, ожидающих проверки.");
    }
}
