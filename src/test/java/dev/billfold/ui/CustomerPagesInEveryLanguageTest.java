package dev.billfold.ui;

import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import dev.billfold.TestData;
import dev.billfold.language.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every customer page in every language: no text is missing from the bundles ({@code !{key}!} nowhere in a text,
 * label, helper text, aria-label, header or markup), and the page speaks the language (its title in it).
 */
class CustomerPagesInEveryLanguageTest extends KaribuTest {

    /** A text each page shows in each language: the page's heading or its tab title. */
    static final Map<String, Map<Language, String>> TITLES = Map.of(
            "", Map.of(Language.EN, "Top up your balance", Language.RU, "Пополните баланс",
                    Language.UZ, "Balansingizni toʻldiring", Language.KK, "Балансыңызды толтырыңыз",
                    Language.SW, "Ongeza salio lako"),
            "login", Map.of(Language.EN, "Your hosting balance, payments and payment methods.",
                    Language.RU, "Баланс хостинга, платежи и способы оплаты.",
                    Language.UZ, "Hosting balansingiz, toʻlovlaringiz va toʻlov usullaringiz.",
                    Language.KK, "Хостинг балансыңыз, төлемдеріңіз және төлем тәсілдеріңіз.",
                    Language.SW, "Salio lako la hosting, malipo na njia za malipo."));

    /** The drawer's first entry, in each language. */
    static final Map<Language, String> MENU_TOP_UP = Map.of(Language.EN, "Top up", Language.RU, "Пополнить",
            Language.UZ, "Toʻldirish", Language.KK, "Толтыру", Language.SW, "Kuongeza salio");

    @Autowired
    TestData data;

    @Test
    void the_sign_in_page_speaks_every_language_chosen_on_it() {
        UI.getCurrent().navigate("login");
        for (Language language : Language.values()) {
            _setValue(languageSwitcher(), language);

            assertSpeaks(language, "login");
        }
    }

    @Test
    void the_customer_pages_speak_every_language() {
        var customer = data.newCustomer("USD");
        signIn(customer.username());
        for (Language language : Language.values()) {
            openIn(language);
            for (String page : List.of("")) {
                UI.getCurrent().navigate(page);
                newRequest();

                assertSpeaks(language, page);
                assertThat(pageTexts()).as("menu in %s", language)
                        .anySatisfy(text -> assertThat(text).contains(MENU_TOP_UP.get(language)));
            }
        }
    }

    @Test
    void switching_the_header_language_turns_the_top_up_page_russian_and_keeps_the_typed_amount() {
        var customer = data.newCustomer("USD");
        signIn(customer.username());
        UI.getCurrent().navigate("");
        TextField amount = _get(TextField.class, spec -> spec.withId("amount"));
        _setValue(amount, "123.45");
        assertThat(amount.getLabel()).isEqualTo("Amount");

        _setValue(languageSwitcher(), Language.RU);

        assertThat(_get(TextField.class, spec -> spec.withId("amount"))).isSameAs(amount);
        assertThat(amount.getValue()).isEqualTo("123.45");
        assertThat(amount.getLabel()).isEqualTo("Сумма");
        assertThat(amount.getHelperText()).startsWith("Введите сумму от ");
        assertThat(_get(Button.class, spec -> spec.withId("pay")).getText()).isEqualTo("Пополнить");
        assertThat(pageTexts()).contains("Пополните баланс", "Текущий баланс", "Баланс", "Выйти")
                .noneMatch(text -> text.contains("!{"))
                .anySatisfy(text -> assertThat(text).contains("<span>История платежей</span>"));
        assertThat(_get(Span.class, spec -> spec.withId("balance")).getText()).isEqualTo("0,00\u00A0$");

        _setValue(languageSwitcher(), Language.EN);
        assertThat(amount.getLabel()).isEqualTo("Amount");
        assertThat(amount.getValue()).isEqualTo("123.45");
    }

    @SuppressWarnings("unchecked")
    static Select<Language> languageSwitcher() {
        return _get(Select.class, spec -> spec.withId("language"));
    }

    /** A new browser tab in this language, as a user whose language is stored gets it. */
    private void openIn(Language language) {
        MockVaadin.tearDown();
        setUpVaadin();
        UI.getCurrent().setLocale(language.locale());
    }

    private static void assertSpeaks(Language language, String page) {
        List<String> texts = pageTexts();
        assertThat(texts).as("texts of /%s in %s", page, language).noneMatch(text -> text.contains("!{"));
        assertThat(texts).as("texts of /%s in %s", page, language).contains(TITLES.get(page).get(language));
        assertThat(UI.getCurrent().getInternals().getTitle()).as("tab title").doesNotContain("!{");
    }

    /** Every text of the page: text nodes, and every property and attribute (label, aria-label, innerHTML...). */
    static List<String> pageTexts() {
        List<String> texts = new ArrayList<>();
        collect(UI.getCurrent(), texts);
        return texts;
    }

    private static void collect(Component component, List<String> texts) {
        Element element = component.getElement();
        element.getPropertyNames().forEach(name -> texts.add(String.valueOf(element.getPropertyRaw(name))));
        element.getAttributeNames().forEach(name -> texts.add(String.valueOf(element.getAttribute(name))));
        element.getChildren().filter(Element::isTextNode).forEach(text -> texts.add(text.getText()));
        component.getChildren().forEach(child -> collect(child, texts));
    }
}
