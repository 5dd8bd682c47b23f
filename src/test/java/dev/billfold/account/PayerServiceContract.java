package dev.billfold.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.SignedIn;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.PaymentHistoryQuery;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.payment.TopUpService;
import dev.billfold.paymentmethod.PaymentMethodId;
import dev.billfold.paymentmethod.PaymentMethodService;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Payers through the service as the payers page calls it: the rules per type, who may change what, optimistic
 * locking, archiving and the active payer. Runs once on H2 and once on PostgreSQL.
 */
abstract class PayerServiceContract {

    @Autowired
    PayerService payers;
    @Autowired
    TopUpService topUps;
    @Autowired
    PaymentMethodService methods;
    @Autowired
    PaymentHistoryQuery history;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    @SignedIn
    Customer customer;

    // --- adding and editing, per type ---

    @Test
    void a_company_with_an_eu_vat_id_is_added_with_the_id_normalised_and_not_as_default() {
        PayerDetails added = payers.add(new PayerDraft(PayerType.COMPANY, "  Nordwind Hosting GmbH ", "de 123.456-789",
                "Hafenstraße 1, 20457 Hamburg", "DE", "rechnung@nordwind.example"));

        assertThat(added.legalName()).isEqualTo("Nordwind Hosting GmbH");
        assertThat(added.taxId()).isEqualTo("DE123456789");
        assertThat(added.isDefault()).as("the account already has a default").isFalse();
        assertThat(payers.choosable()).extracting(PayerSummary::id).contains(added.id());
        assertThat(row(added.id())).containsEntry("country", "DE").containsEntry("archived", false);
    }

    @Test
    void a_sole_proprietor_with_a_kazakh_iin_and_an_individual_without_tax_id_are_added() {
        PayerDetails proprietor = payers.add(new PayerDraft(PayerType.SOLE_PROPRIETOR, "IP Dana Sultan", "9001 0130 0126",
                "15 Abay Avenue, Almaty", "KZ", "dana@example.kz"));
        PayerDetails person = payers.add(new PayerDraft(PayerType.INDIVIDUAL, "Aziz Karimov", "", "7 Navoi Street, Tashkent",
                "UZ", "aziz@example.uz"));

        assertThat(proprietor.taxId()).isEqualTo("900101300126");
        assertThat(person.taxId()).isNull();
        assertThat(payers.all()).hasSize(4);
    }

    @Test
    void a_company_without_a_registration_or_vat_id_is_refused_and_nothing_is_stored() {
        assertProblems(new PayerDraft(PayerType.COMPANY, "Acme Ltd", " ", "1 Road", "GB", "billing@acme.example"),
                Map.of("taxId", "A company needs a registration number or VAT id."));
    }

    @Test
    void a_sole_proprietor_without_a_tax_id_is_refused_and_nothing_is_stored() {
        assertProblems(new PayerDraft(PayerType.SOLE_PROPRIETOR, "IP Someone", null, "1 Road", "UZ", "ip@example.uz"),
                Map.of("taxId", "A sole proprietor needs a tax id."));
    }

    @Test
    void tax_ids_are_checked_by_the_payers_country() {
        assertProblems(company("DE12345678", "DE"), Map.of("taxId",
                "That is not a valid DE VAT number: it is DE followed by 9 digits, e.g. DE123456789."));
        assertProblems(company("12345678901", "KZ"), Map.of("taxId", "A Kazakh BIN or IIN has exactly 12 digits."));
        assertProblems(company("900101300123", "KZ"), Map.of("taxId",
                "That BIN or IIN does not add up (its last digit is a check digit); check it for a typo."));
        assertProblems(company("30212345", "UZ"), Map.of("taxId", "An Uzbek INN has exactly 9 digits."));
        assertProblems(company("12-34<script>", "US"), Map.of("taxId",
                "A tax id has only letters, digits, spaces, dots, dashes and slashes."));

        assertThat(payers.add(company("302123456", "UZ")).taxId()).isEqualTo("302123456");
        assertThat(payers.add(company("EU372012345", "US")).taxId()).as("non-Union OSS number").isEqualTo("EU372012345");
        assertThat(payers.add(company("HRB 12345", "DE")).taxId()).as("a national registration number").isEqualTo("HRB 12345");
    }

    @Test
    void every_problem_is_reported_at_once_with_its_field() {
        assertProblems(new PayerDraft(null, "x".repeat(201), null, "", "XX", "not-an-email"), Map.of(
                "type", "Choose whether the payer is an individual, a company or a sole proprietor.",
                "legalName", "The legal name has at most 200 characters.",
                "country", "Choose a country from the list.",
                "address", "Enter the payer's address.",
                "invoiceEmail", "Enter a valid email address, like billing@example.com."));
        assertProblems(new PayerDraft(PayerType.INDIVIDUAL, "", null, "a".repeat(501), null, null), Map.of(
                "legalName", "Enter the payer's legal name.",
                "country", "Choose the payer's country.",
                "address", "The address has at most 500 characters.",
                "invoiceEmail", "Enter the email address that receives invoices."));
    }

    @Test
    void each_text_is_taken_up_to_its_columns_size_and_refused_one_character_past_it() {
        String email = "a".repeat(64) + "@" + "b".repeat(TextLimits.EMAIL - 64 - 1 - 4) + ".com";
        PayerDetails longest = payers.add(new PayerDraft(PayerType.COMPANY, "n".repeat(TextLimits.LEGAL_NAME),
                "1".repeat(TextLimits.TAX_ID), "a".repeat(TextLimits.ADDRESS), "US", email));
        assertThat(List.of(longest.legalName().length(), longest.taxId().length(), longest.address().length(),
                longest.invoiceEmail().length())).containsExactly(200, 50, 500, 320);

        assertProblems(new PayerDraft(PayerType.COMPANY, "n".repeat(201), "1".repeat(51), "a".repeat(501), "US",
                "x" + email), Map.of(
                "legalName", "The legal name has at most 200 characters.",
                "taxId", "A tax id has at most 50 characters.",
                "address", "The address has at most 500 characters.",
                "invoiceEmail", "The email address has at most 320 characters."));
    }

    @Test
    void an_edit_saves_new_details_and_a_stale_copy_is_refused_with_a_clear_message() {
        PayerDetails company = detailsOf(customer.company());
        PayerDetails saved = payers.update(company.id(), company.version(), new PayerDraft(PayerType.COMPANY,
                "Pat Company Inc", "EU372012345", "2 New Street", "US", "ap@pat.example"));
        assertThat(saved.legalName()).isEqualTo("Pat Company Inc");
        assertThat(saved.version()).isGreaterThan(company.version());

        assertThatThrownBy(() -> payers.update(company.id(), company.version(), PayerDraft.of(company)))
                .isInstanceOf(InvalidRequestException.class).hasMessage("Someone else changed this payer while you were editing. "
                        + "Reload the page to see their changes, then try again.");
        assertThat(detailsOf(customer.company())).isEqualTo(saved);
    }

    @Test
    void an_invalid_edit_changes_nothing() {
        PayerDetails company = detailsOf(customer.company());
        assertThatThrownBy(() -> payers.update(company.id(), company.version(), new PayerDraft(PayerType.COMPANY,
                "Pat Company Ltd", "", "1 Test Street", "US", "billing@example.com")))
                .isInstanceOf(InvalidPayerException.class).hasMessage("A company needs a registration number or VAT id.");
        assertThat(detailsOf(customer.company())).isEqualTo(company);
    }

    // --- default and archive ---

    @Test
    void making_a_payer_default_leaves_exactly_one_default() {
        PayerDetails company = detailsOf(customer.company());
        payers.makeDefault(company.id(), company.version());

        assertThat(payers.all().stream().filter(PayerDetails::isDefault)).extracting(PayerDetails::id)
                .containsExactly(customer.company());
        assertThat(payers.choosable().getFirst().id()).as("the default comes first").isEqualTo(customer.company());
    }

    @Test
    void an_archived_payer_is_hidden_from_choice_cannot_pay_and_keeps_its_history() {
        PaymentMethodId card = data.savedCard(customer, customer.company(), "4242", true);
        var invoice = (TopUpOutcome.Completed) topUps.topUp(new TopUpRequest(customer.company(), "100",
                new MethodChoice.Invoice(), false, UUID.randomUUID().toString()));
        PayerDetails company = detailsOf(customer.company());

        payers.archive(company.id(), company.version(), null);

        assertThat(payers.choosable()).extracting(PayerSummary::id).containsExactly(customer.person());
        assertThat(detailsOf(customer.company()).archived()).isTrue();
        assertThatThrownBy(() -> topUps.topUp(new TopUpRequest(customer.company(), "10",
                new MethodChoice.Saved(card), false, UUID.randomUUID().toString())))
                .isInstanceOf(InvalidRequestException.class).hasMessage("That payer is archived and can no longer be used.");
        assertThatThrownBy(() -> methods.requireChargeable(customer.company(), card)).isInstanceOf(InvalidRequestException.class);
        assertThat(data.payments(customer.accountId())).isEqualTo(1);
        assertThat(history.details(invoice.paymentId()).payerName()).isEqualTo("Pat Company Ltd");
    }

    @Test
    void archiving_the_default_needs_a_successor_which_becomes_the_default() {
        PayerDetails person = detailsOf(customer.person());
        assertThatThrownBy(() -> payers.archive(person.id(), person.version(), null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Pat Person is the default payer. Choose which payer becomes the default instead.");
        assertThatThrownBy(() -> payers.archive(person.id(), person.version(), person.id()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("The new default must be another active payer of this account.");
        assertThat(detailsOf(customer.person())).isEqualTo(person);

        payers.archive(person.id(), person.version(), customer.company());

        assertThat(detailsOf(customer.person()).archived()).isTrue();
        assertThat(detailsOf(customer.person()).isDefault()).isFalse();
        assertThat(detailsOf(customer.company()).isDefault()).isTrue();
    }

    @Test
    void the_last_active_payer_cannot_be_archived() {
        PayerDetails company = detailsOf(customer.company());
        payers.archive(company.id(), company.version(), null);
        PayerDetails person = detailsOf(customer.person());

        assertThatThrownBy(() -> payers.archive(person.id(), person.version(), null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Pat Person is the account's only active payer, so it cannot be archived. Add another payer first.");
        assertThat(detailsOf(customer.person())).isEqualTo(person);
    }

    @Test
    void an_archived_payer_cannot_be_edited_made_default_or_chosen() {
        PayerDetails company = detailsOf(customer.company());
        payers.archive(company.id(), company.version(), null);
        PayerDetails archived = detailsOf(customer.company());
        String message = "That payer is archived and can no longer be used.";

        assertThatThrownBy(() -> payers.update(archived.id(), archived.version(), PayerDraft.of(archived))).hasMessage(message);
        assertThatThrownBy(() -> payers.makeDefault(archived.id(), archived.version())).hasMessage(message);
        assertThatThrownBy(() -> payers.switchTo(archived.id())).hasMessage(message);
        assertThat(detailsOf(customer.company())).isEqualTo(archived);
    }

    // --- access ---

    @Test
    void another_accounts_payer_is_refused_for_every_change_and_nothing_changes() {
        Customer stranger = data.newCustomer("USD");
        TestData.signIn(stranger.username());
        PayerDetails theirs = detailsOf(stranger.company());
        List<PayerDetails> before = payers.all();
        TestData.signIn(customer.username());
        String message = "That payer is not part of your account.";

        assertThatThrownBy(() -> payers.update(theirs.id(), theirs.version(), PayerDraft.of(theirs))).hasMessage(message);
        assertThatThrownBy(() -> payers.makeDefault(theirs.id(), theirs.version())).hasMessage(message);
        assertThatThrownBy(() -> payers.archive(theirs.id(), theirs.version(), null)).hasMessage(message);
        assertThatThrownBy(() -> payers.archive(customer.person(), detailsOf(customer.person()).version(), theirs.id()))
                .hasMessage(message);
        assertThatThrownBy(() -> payers.switchTo(theirs.id())).hasMessage(message);

        assertThat(payers.active().orElseThrow().id()).isEqualTo(customer.person());
        assertThat(detailsOf(customer.person()).archived()).isFalse();
        TestData.signIn(stranger.username());
        assertThat(payers.all()).isEqualTo(before);
    }

    @Test
    void members_who_are_not_owners_can_read_and_choose_but_not_change_payers() {
        String billing = data.addMember(customer.accountId(), "BILLING");
        PayerDetails company = detailsOf(customer.company());
        TestData.signIn(billing);
        String message = "Only the account's owners can add or change payers.";

        assertThat(payers.mayManage()).isFalse();
        assertThat(payers.all()).hasSize(2);
        assertThatThrownBy(() -> payers.add(company("EU372012345", "US"))).hasMessage(message);
        assertThatThrownBy(() -> payers.update(company.id(), company.version(), PayerDraft.of(company))).hasMessage(message);
        assertThatThrownBy(() -> payers.makeDefault(company.id(), company.version())).hasMessage(message);
        assertThatThrownBy(() -> payers.archive(company.id(), company.version(), null)).hasMessage(message);
        assertThat(payers.switchTo(company.id()).id()).isEqualTo(customer.company());

        TestData.signIn(customer.username());
        assertThat(payers.all()).hasSize(2).contains(company);
    }

    // --- the active payer ---

    @Test
    void the_active_payer_is_the_default_until_chosen_and_the_choice_is_kept_per_user() {
        String otherOwner = data.addMember(customer.accountId(), "OWNER");
        assertThat(payers.active().orElseThrow().id()).isEqualTo(customer.person());

        payers.switchTo(customer.company());
        TestData.signOut();
        TestData.signIn(customer.username());
        assertThat(payers.active().orElseThrow().id()).as("kept across sign-ins").isEqualTo(customer.company());

        TestData.signIn(otherOwner);
        assertThat(payers.active().orElseThrow().id()).as("another member's choice is their own").isEqualTo(customer.person());
        payers.switchTo(customer.company());
        payers.switchTo(customer.person());
        assertThat(payers.active().orElseThrow().id()).isEqualTo(customer.person());
    }

    @Test
    void a_chosen_payer_that_was_archived_falls_back_to_the_default() {
        payers.switchTo(customer.company());
        PayerDetails company = detailsOf(customer.company());
        payers.archive(company.id(), company.version(), null);

        assertThat(payers.active().orElseThrow().id()).isEqualTo(customer.person());
    }

    // --- helpers ---

    private PayerDraft company(String taxId, String country) {
        return new PayerDraft(PayerType.COMPANY, "Some Company", taxId, "1 Some Street", country, "billing@some.example");
    }

    private void assertProblems(PayerDraft draft, Map<String, String> expected) {
        List<PayerDetails> before = payers.all();
        assertThatThrownBy(() -> payers.add(draft))
                .isInstanceOfSatisfying(InvalidPayerException.class,
                        invalid -> assertThat(invalid.problems()).containsExactlyInAnyOrderEntriesOf(expected));
        assertThat(payers.all()).isEqualTo(before);
    }

    private PayerDetails detailsOf(PayerId id) {
        return payers.all().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    private Map<String, Object> row(PayerId id) {
        return jdbc.sql("select country, archived from payer where id = ?").param(id.value()).query().singleRow();
    }
}
