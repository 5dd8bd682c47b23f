package dev.billfold.payment.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValidationUtilsKt._expectInvalid;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.github.mvysny.kaributesting.v10.RadioButtonsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import dev.billfold.base.ui.LightSelect;
import dev.billfold.base.ui.Localized;
import com.vaadin.flow.component.textfield.TextField;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.account.PayerSummary;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.MethodOption;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.payment.TopUpService;
import dev.billfold.ratelimit.RateLimitProperties;
import java.util.Locale;
import java.util.UUID;
import dev.billfold.ui.KaribuTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The top-up form on its own: presets, inline errors from the service, and the payer switch. */
class TopUpViewTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    TopUpService topUps;
    @Autowired
    RateLimitProperties limits;

    Customer customer;

    @BeforeEach
    void newCustomer() {
        customer = data.newCustomer("USD");
    }

    @Test
    void a_preset_button_fills_the_amount_field() {
        openTopUp();
        assertThat(amount().getValue()).isEmpty();

        assertThat(Presets.markup()).contains(
                "<vaadin-button class=\"preset\" id=\"preset-100\" data-amount=\"100.00\">$100.00</vaadin-button>",
                "id=\"preset-200\"", "id=\"preset-500\"",
                "<vaadin-button class=\"preset\" id=\"preset-1000\" data-amount=\"1000.00\">$1,000.00</vaadin-button>");

        Presets.click("100.00");
        assertThat(amount().getValue()).isEqualTo("100.00");

        Presets.click("1000.00");
        assertThat(amount().getValue()).isEqualTo("1000.00");
        assertThat(amount().isInvalid()).isFalse();
    }

    @Test
    void a_forged_preset_amount_changes_nothing() {
        openTopUp();
        Presets.click("100.00");

        Presets.click("99999.00");
        Presets.click("<b>1</b>");
        Presets.click(null);
        assertThat(amount().getValue()).isEqualTo("100.00");
    }

    @Test
    void an_amount_outside_the_limits_shows_the_service_message_on_the_field_and_creates_nothing() {
        openTopUp();
        RadioButtonsKt.selectByLabel(method(), "Card (demo checkout)");

        _setValue(amount(), "15000.01");
        _click(pay());
        _expectInvalid(amount(),
                "The maximum top-up is $15,000.00 per payment. Enter between $0.50 and $15,000.00.");
        assertThat(amount().getErrorMessage())
                .isEqualTo("The maximum top-up is $15,000.00 per payment. Enter between $0.50 and $15,000.00.");

        _setValue(amount(), "0.10");
        assertThat(amount().isInvalid()).as("typing clears the old error").isFalse();
        _click(pay());
        _expectInvalid(amount(), "The minimum top-up is $0.50. Enter between $0.50 and $15,000.00.");

        assertThat(pay().isEnabled()).as("the customer can correct the amount and try again").isTrue();
        NavigatorKt.expectView(TopUpView.class);
        assertThat(data.payments(customer.accountId())).isZero();
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    @Test
    void switching_the_payer_shows_that_payers_methods_and_preselects_its_default_card() {
        data.savedCard(customer, customer.person(), "4242", true);
        data.savedCard(customer, customer.company(), "4444", true);
        openTopUp();

        LightSelect<PayerSummary> payer = payer();
        assertThat(payer.isVisible()).as("two payers, so the payer can be chosen").isTrue();
        assertThat(payer.getValue().id()).isEqualTo(customer.person());
        assertThat(RadioButtonsKt.getItemLabels(method()))
                .containsExactly("Visa •••• 4242, 12/30", "Card (demo checkout)", "Invoice (bank transfer)");
        assertThat(method().getValue().label()).isEqualTo("Visa •••• 4242, 12/30");

        PayerSummary company = payer.getItems().stream()
                .filter(p -> p.id().equals(customer.company())).findFirst().orElseThrow();
        _setValue(payer, company);

        assertThat(RadioButtonsKt.getItemLabels(method()))
                .containsExactly("Visa •••• 4444, 12/30", "Card (demo checkout)", "Invoice (bank transfer)");
        MethodOption selected = method().getValue();
        assertThat(selected.label()).isEqualTo("Visa •••• 4444, 12/30");
        assertThat(selected.preselected()).isTrue();
    }

    @Test
    void an_individual_in_kazakhstan_is_offered_no_invoice_and_the_page_says_why_while_the_company_is() {
        customer = data.newCustomer("KZT", "OWNER", "KZ");
        openTopUp();

        assertThat(RadioButtonsKt.getItemLabels(method())).containsExactly("Card (demo checkout)");
        Paragraph note = _get(Paragraph.class, spec -> spec.withId("method-note"));
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).isEqualTo(
                "Bank transfer by invoice is offered in Kazakhstan to companies and sole proprietors only.");

        _setValue(payer(), payer().getItems().stream()
                .filter(p -> p.id().equals(customer.company())).findFirst().orElseThrow());

        assertThat(RadioButtonsKt.getItemLabels(method()))
                .containsExactly("Card (demo checkout)", "Invoice (bank transfer)");
        assertThat(note.isVisible()).isFalse();
    }

    @Test
    void the_note_on_a_withheld_invoice_reads_in_kazakh_with_the_country_named_in_kazakh_and_follows_a_switch() {
        customer = data.newCustomer("KZT", "OWNER", "KZ");
        signIn(customer.username());
        UI.getCurrent().setLocale(Locale.of("kk"));
        UI.getCurrent().navigate(TopUpView.class);

        Paragraph note = _get(Paragraph.class, spec -> spec.withId("method-note"));
        assertThat(note.getText()).isEqualTo(
                "Қазақстан елінде шот бойынша банк аударымы тек компаниялар мен жеке кәсіпкерлер үшін қолжетімді.");

        // As the header's switcher does it.
        UI.getCurrent().setLocale(Locale.of("ru"));
        Localized.refresh(UI.getCurrent());
        assertThat(note.getText()).isEqualTo("Банковский перевод по счёту в стране Казахстан доступен только для "
                + "компаний и индивидуальных предпринимателей.");

        // The service's refusal: English for the logs and the API, the page's language for the form.
        UI.getCurrent().setLocale(Locale.of("kk"));
        assertThatThrownBy(() -> topUps.topUp(new TopUpRequest(customer.person(), "10000", new MethodChoice.Invoice(),
                false, UUID.randomUUID().toString())))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageEndingWith("sole proprietors only. Choose another method.")
                .satisfies(refused -> assertThat(refused.getLocalizedMessage()).isEqualTo("Қазақстан елінде шот "
                        + "бойынша банк аударымы тек компаниялар мен жеке кәсіпкерлер үшін қолжетімді. "
                        + "Басқа төлем тәсілін таңдаңыз."));
    }

    @Test
    void a_top_up_past_the_rate_limit_shows_the_message_on_the_form_and_creates_nothing() {
        openTopUp();
        int capacity = limits.limit("top-up-per-user").capacity();
        for (int i = 0; i < capacity; i++) {
            topUps.topUp(new TopUpRequest(customer.person(), "10", new MethodChoice.Invoice(), false,
                    UUID.randomUUID().toString()));
        }
        RadioButtonsKt.selectByLabel(method(), "Card (demo checkout)");
        _setValue(amount(), "100");

        _click(pay());

        Div error = _get(Div.class, spec -> spec.withId("form-error"));
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).startsWith("You have started many top-ups in a short time, so this one was not "
                + "started. Nothing was charged. Please try again in ");
        NavigatorKt.expectView(TopUpView.class);
        assertThat(pay().isEnabled()).isTrue();
        assertThat(data.payments(customer.accountId())).isEqualTo(capacity);
    }

    private void openTopUp() {
        signIn(customer.username());
        UI.getCurrent().navigate(TopUpView.class);
        NavigatorKt.expectView(TopUpView.class);
    }

    static TextField amount() {
        return _get(TextField.class, spec -> spec.withId("amount"));
    }

    static Button pay() {
        return _get(Button.class, spec -> spec.withId("pay"));
    }

    @SuppressWarnings("unchecked")
    static RadioButtonGroup<MethodOption> method() {
        return _get(RadioButtonGroup.class, spec -> spec.withId("method"));
    }

    @SuppressWarnings("unchecked")
    static LightSelect<PayerSummary> payer() {
        return _get(LightSelect.class, spec -> spec.withId("payer"));
    }
}
