package dev.billfold.account.ui;

import static com.github.mvysny.kaributesting.v10.HasValidationUtilsKt._expectInvalid;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.account.PayerDetails;
import dev.billfold.account.PayerDraft;
import dev.billfold.account.PayerId;
import dev.billfold.account.PayerService;
import dev.billfold.account.PayerSummary;
import dev.billfold.account.PayerType;
import dev.billfold.base.ui.LightSelect;
import dev.billfold.ui.KaribuTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The payers page: adding each type, the service's messages on the fields, edit, archive, default, read-only. */
class PayersViewTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    PayerService payers;

    Customer customer;

    @BeforeEach
    void newCustomer() {
        customer = data.newCustomer("USD");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            COMPANY         | Nordwind Hosting GmbH | DE 123 456 789 | DE | DE123456789
            SOLE_PROPRIETOR | IP Dana Sultan        | 900101300126   | KZ | 900101300126
            INDIVIDUAL      | Aziz Karimov          |                | UZ |
            """)
    void an_owner_adds_a_payer_of_each_type_and_it_can_be_chosen_in_the_header(PayerType type, String name, String taxId,
                                                                             String country, String storedTaxId) {
        openPayers(customer.username());
        _click(_get(Button.class, spec -> spec.withId("add-payer")));
        fillForm(type, name, taxId == null ? "" : taxId, country, "1 Main Street", "billing@payer.example");
        _click(saveButton());

        _assertNone(Dialog.class, spec -> spec.withId("payer-dialog"));
        PayerDetails added = payers.all().stream().filter(p -> p.legalName().equals(name)).findFirst().orElseThrow();
        assertThat(added.type()).isEqualTo(type);
        assertThat(added.taxId()).isEqualTo(storedTaxId);
        assertThat(added.country()).isEqualTo(country);
        assertThat(cardText(added.id())).contains(name);
        assertThat(switcher().getItems().stream().map(PayerSummary::id)).contains(added.id());
    }

    @Test
    void a_company_without_tax_id_shows_the_services_message_on_the_field_and_adds_nothing() {
        openPayers(customer.username());
        _click(_get(Button.class, spec -> spec.withId("add-payer")));
        fillForm(PayerType.COMPANY, "Acme Ltd", "", "GB", "1 Road", "billing@acme.example");
        _click(saveButton());

        _expectInvalid(taxId(), "A company needs a registration number or VAT id.");
        assertThat(taxId().getLabel()).isEqualTo("Registration number or VAT id");
        assertThat(payers.all()).hasSize(2);

        _setValue(taxId(), "12345678");
        assertThat(taxId().isInvalid()).as("changing the field clears the old message").isFalse();
    }

    @Test
    void each_type_gets_its_own_messages_and_every_wrong_field_is_marked() {
        openPayers(customer.username());
        _click(_get(Button.class, spec -> spec.withId("add-payer")));

        fillForm(PayerType.SOLE_PROPRIETOR, "IP Someone", "", "UZ", "1 Road", "ip@example.uz");
        _click(saveButton());
        _expectInvalid(taxId(), "A sole proprietor needs a tax id.");
        assertThat(taxId().getLabel()).isEqualTo("Tax id");
        assertThat(taxId().getHelperText()).isEqualTo("INN: 9 digits");

        fillForm(PayerType.INDIVIDUAL, "", "12345", "KZ", "", "not-an-email");
        _click(saveButton());
        _expectInvalid(legalName(), "Enter the payer's legal name.");
        _expectInvalid(taxId(), "A Kazakh BIN or IIN has exactly 12 digits.");
        _expectInvalid(_get(TextArea.class, spec -> spec.withId("address")), "Enter the payer's address.");
        _expectInvalid(_get(TextField.class, spec -> spec.withId("invoice-email")),
                "Enter a valid email address, like billing@example.com.");
        assertThat(taxId().getLabel()).isEqualTo("Tax id (optional)");
        assertThat(payers.all()).hasSize(2);
    }

    @Test
    void an_owner_edits_a_payer_and_a_concurrent_edit_is_refused_with_a_clear_message() {
        openPayers(customer.username());
        _click(_get(Button.class, spec -> spec.withId("edit-" + customer.company().value())));
        assertThat(legalName().getValue()).isEqualTo("Pat Company Ltd");
        _setValue(legalName(), "Pat Company Inc");
        _click(saveButton());

        assertThat(cardText(customer.company())).contains("Pat Company Inc");

        _click(_get(Button.class, spec -> spec.withId("edit-" + customer.company().value())));
        PayerDetails current = details(customer.company());
        payers.update(current.id(), current.version(), new PayerDraft(PayerType.COMPANY, "Changed Elsewhere LLC",
                "VAT-123", "1 Test Street", "US", "billing@example.com"));
        _setValue(legalName(), "My Late Change");
        _click(saveButton());

        assertThat(_get(Div.class, spec -> spec.withId("payer-form-error")).getText())
                .isEqualTo("Someone else changed this payer while you were editing. Reload the page to see their changes, then try again.");
        assertThat(details(customer.company()).legalName()).isEqualTo("Changed Elsewhere LLC");
    }

    @Test
    void archiving_a_payer_moves_it_to_the_archived_list_and_out_of_the_header() {
        openPayers(customer.username());
        _click(_get(Button.class, spec -> spec.withId("archive-" + customer.company().value())));
        _assertNone(Select.class, spec -> spec.withId("new-default"));
        _click(_get(Button.class, spec -> spec.withId("confirm-archive")));

        assertThat(details(customer.company()).archived()).isTrue();
        Div archived = _get(Div.class, spec -> spec.withId("archived-payers"));
        assertThat(_find(archived, Div.class, spec -> spec.withId("payer-" + customer.company().value()))).hasSize(1);
        _assertNone(Button.class, spec -> spec.withId("edit-" + customer.company().value()));
        assertThat(switcher().getItems().stream().map(PayerSummary::id)).containsExactly(customer.person());
        Button lastOne = _get(Button.class, spec -> spec.withId("archive-" + customer.person().value()));
        assertThat(lastOne.isEnabled()).as("the last active payer cannot be archived").isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void archiving_the_default_asks_who_takes_over_and_makes_that_one_the_default() {
        openPayers(customer.username());
        _click(_get(Button.class, spec -> spec.withId("archive-" + customer.person().value())));

        Select<PayerDetails> newDefault = _get(Select.class, spec -> spec.withId("new-default"));
        assertThat(newDefault.isVisible()).isTrue();
        assertThat(newDefault.getValue().id()).isEqualTo(customer.company());
        _click(_get(Button.class, spec -> spec.withId("confirm-archive")));

        assertThat(details(customer.person()).archived()).isTrue();
        assertThat(details(customer.company()).isDefault()).isTrue();
        assertThat(switcher().getValue().id()).as("the header falls back to the new default").isEqualTo(customer.company());
    }

    @Test
    void make_default_moves_the_default_badge() {
        openPayers(customer.username());
        _click(_get(Button.class, spec -> spec.withId("make-default-" + customer.company().value())));

        assertThat(details(customer.company()).isDefault()).isTrue();
        assertThat(details(customer.person()).isDefault()).isFalse();
        _assertNone(Button.class, spec -> spec.withId("make-default-" + customer.company().value()));
        assertThat(_get(Button.class, spec -> spec.withId("make-default-" + customer.person().value())).isVisible()).isTrue();
    }

    @Test
    void members_who_are_not_owners_see_the_payers_read_only() {
        String viewer = data.addMember(customer.accountId(), "VIEWER");
        openPayers(viewer);

        assertThat(_get(Paragraph.class, spec -> spec.withId("payers-read-only")).getText())
                .isEqualTo("Only the account's owners can add or change payers.");
        _assertNone(Button.class, spec -> spec.withId("add-payer"));
        for (PayerId id : List.of(customer.person(), customer.company())) {
            assertThat(cardText(id)).isNotEmpty();
            _assertNone(Button.class, spec -> spec.withId("edit-" + id.value()));
            _assertNone(Button.class, spec -> spec.withId("archive-" + id.value()));
        }
    }

    private void openPayers(String username) {
        signIn(username);
        UI.getCurrent().navigate(PayersView.class);
        NavigatorKt.expectView(PayersView.class);
    }

    @SuppressWarnings("unchecked")
    private static void fillForm(PayerType type, String name, String taxIdValue, String country, String address,
                                 String email) {
        _setValue((Select<PayerType>) _get(Select.class, spec -> spec.withId("payer-type")), type);
        _setValue(legalName(), name);
        _setValue((ComboBox<String>) _get(ComboBox.class, spec -> spec.withId("country")), country);
        _setValue(taxId(), taxIdValue);
        _setValue(_get(TextArea.class, spec -> spec.withId("address")), address);
        _setValue(_get(TextField.class, spec -> spec.withId("invoice-email")), email);
    }

    private static Button saveButton() {
        return _get(Button.class, spec -> spec.withId("save-payer"));
    }

    private static TextField legalName() {
        return _get(TextField.class, spec -> spec.withId("legal-name"));
    }

    private static TextField taxId() {
        return _get(TextField.class, spec -> spec.withId("tax-id"));
    }

    @SuppressWarnings("unchecked")
    static LightSelect<PayerSummary> switcher() {
        return _get(LightSelect.class, spec -> spec.withId("active-payer"));
    }

    private static Div card(PayerId id) {
        return _get(Div.class, spec -> spec.withId("payer-" + id.value()));
    }

    /** The card's visible text, from its spans (Karibu has no rendered text). */
    private static String cardText(PayerId id) {
        return _find(card(id), com.vaadin.flow.component.html.Span.class).stream()
                .map(span -> span.getText()).reduce("", (a, b) -> a + " " + b);
    }

    private PayerDetails details(PayerId id) {
        return payers.all().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }
}
