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
import dev.billfold.language.ui.LanguageSwitcher;
import com.vaadin.flow.router.QueryParameters;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.payment.TopUpService;
import dev.billfold.paymentmethod.PaymentMethodId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.UUID;
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
            "history", Map.of(Language.EN, "Payment history", Language.RU, "История платежей",
                    Language.UZ, "Toʻlovlar tarixi", Language.KK, "Төлемдер тарихы", Language.SW, "Historia ya malipo"),
            "transactions", Map.of(Language.EN, "Transaction history", Language.RU, "История операций",
                    Language.UZ, "Operatsiyalar tarixi", Language.KK, "Операциялар тарихы",
                    Language.SW, "Historia ya miamala"),
            "activity", Map.of(Language.EN, "Activity", Language.RU, "Действия", Language.UZ, "Faoliyat",
                    Language.KK, "Әрекеттер", Language.SW, "Shughuli"),
            "payment-methods", Map.of(Language.EN, "Payment methods", Language.RU, "Способы оплаты",
                    Language.UZ, "Toʻlov usullari", Language.KK, "Төлем тәсілдері", Language.SW, "Njia za malipo"),
            "payers", Map.of(Language.EN, "Payers", Language.RU, "Плательщики", Language.UZ, "Toʻlovchilar",
                    Language.KK, "Төлеушілер", Language.SW, "Walipaji"),
            "members", Map.of(Language.EN, "Pending invitations", Language.RU, "Ожидающие приглашения",
                    Language.UZ, "Kutilayotgan taklifnomalar", Language.KK, "Күтудегі шақырулар",
                    Language.SW, "Mialiko inayosubiri"),
            "login", Map.of(Language.EN, "Your hosting balance, payments and payment methods.",
                    Language.RU, "Баланс хостинга, платежи и способы оплаты.",
                    Language.UZ, "Hosting balansingiz, toʻlovlaringiz va toʻlov usullaringiz.",
                    Language.KK, "Хостинг балансыңыз, төлемдеріңіз және төлем тәсілдеріңіз.",
                    Language.SW, "Salio lako la hosting, malipo na njia za malipo."));

    /** The drawer's first entry, in each language. */
    static final Map<Language, String> MENU_TOP_UP = Map.of(Language.EN, "Top up", Language.RU, "Пополнить",
            Language.UZ, "Toʻldirish", Language.KK, "Толтыру", Language.SW, "Kuongeza salio");

    /** A credited payment's status, as its detail names it. */
    static final Map<Language, String> CREDITED = Map.of(Language.EN, "Credited", Language.RU, "Зачислен",
            Language.UZ, "Hisobga oʻtkazildi", Language.KK, "Есепке алынды", Language.SW, "Imewekwa kwenye salio");

    /** The timeline's count of its one entry, by each language's plural rules. */
    static final Map<Language, String> ONE_TRANSACTION = Map.of(Language.EN, "1 transaction",
            Language.RU, "1 операция", Language.UZ, "1 ta operatsiya", Language.KK, "1 операция",
            Language.SW, "muamala 1");

    @Autowired
    TestData data;
    @Autowired
    TopUpService topUps;

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
        PaymentId credited = creditedPayment(customer);
        Map<String, QueryParameters> pages = new LinkedHashMap<>();
        pages.put("", QueryParameters.empty());
        pages.put("transactions", QueryParameters.empty());
        pages.put("activity", QueryParameters.empty());
        pages.put("payment-methods", QueryParameters.empty());
        pages.put("payers", QueryParameters.empty());
        pages.put("members", QueryParameters.empty());
        pages.put("history", QueryParameters.of("payment", credited.value().toString()));
        for (Language language : Language.values()) {
            openIn(language);
            for (var page : pages.entrySet()) {
                UI.getCurrent().navigate(page.getKey(), page.getValue());
                newRequest();

                assertSpeaks(language, page.getKey());
                if (page.getKey().equals("transactions")) {
                    assertThat(_get(Span.class, spec -> spec.withId("timeline-count")).getText())
                            .isEqualTo(ONE_TRANSACTION.get(language));
                }
                assertThat(pageTexts()).as("menu in %s", language)
                        .anySatisfy(text -> assertThat(text).contains(MENU_TOP_UP.get(language)));
            }
            assertThat(_get(Span.class, spec -> spec.withId("detail-status")).getText())
                    .isEqualTo(CREDITED.get(language));
        }
    }

    private PaymentId creditedPayment(TestData.Customer customer) {
        PaymentMethodId card = data.savedCard(customer, customer.person(), "4242", true);
        var completed = (TopUpOutcome.Completed) topUps.topUp(new TopUpRequest(customer.person(), "45.00",
                new MethodChoice.Saved(card), false, UUID.randomUUID().toString()));
        return completed.paymentId();
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
    static LanguageSwitcher languageSwitcher() {
        return _get(LanguageSwitcher.class, spec -> spec.withId("language"));
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
