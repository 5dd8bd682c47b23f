package dev.billfold.statement.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import dev.billfold.TestData;
import dev.billfold.staff.StaffRole;
import dev.billfold.statement.Camt053;
import dev.billfold.statement.EntryResult;
import dev.billfold.statement.ImportSummary;
import dev.billfold.statement.StatementImports;
import dev.billfold.ui.KaribuTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The statement pages as Finance and Support use them, and as a customer is kept out of them. */
class StatementViewsTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StatementImports imports;

    String staff;

    @BeforeEach
    void aStaffMember() {
        staff = data.newStaffUser();
    }

    @Test
    void finance_gets_the_upload_and_a_bad_file_says_why_and_imports_nothing() {
        signInStaff(staff, StaffRole.FINANCE);
        UI.getCurrent().navigate(StatementsView.class);
        StatementsView view = _get(StatementsView.class);
        assertThat(_find(Upload.class)).hasSize(1);

        view.upload("evil.xml", new ByteArrayInputStream("""
                <?xml version="1.0"?><!DOCTYPE Document [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">&x;</Document>"""
                .getBytes(StandardCharsets.UTF_8)));

        assertThat(_get(Div.class, spec -> spec.withId("statement-upload-banner")).getText())
                .contains("evil.xml").contains("DOCTYPE");
    }

    @Test
    void support_reads_the_imports_and_the_queue_without_the_upload() {
        signInStaff(staff, StaffRole.SUPPORT);
        UI.getCurrent().navigate(StatementsView.class);
        assertThat(_find(Upload.class)).isEmpty();
        UI.getCurrent().navigate(UnmatchedEntriesView.class);
        _get(UnmatchedEntriesView.class);
    }

    @Test
    void a_customer_is_kept_out() {
        var customer = data.newCustomer("USD");
        signIn(customer.username());
        assertThatThrownBy(() -> UI.getCurrent().navigate(UnmatchedEntriesView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    void finance_credits_an_unmatched_entry_only_with_a_reason_for_the_customer_and_the_payment_carries_it() {
        signInStaff(staff, StaffRole.FINANCE);
        var customer = data.newCustomer("USD");
        String accountNumber = jdbc.sql("select account_number from account where id = ?")
                .param(customer.accountId().value()).query(String.class).single();
        String run = UUID.randomUUID().toString().substring(0, 8);
        ImportSummary summary = imports.importFile("unmatched.xml", new ByteArrayInputStream(Camt053
                .of("VIEW" + run).credit("UNM-" + run, "42.00", "Sam Sender", "SS-1", "order 42").bytes()));
        EntryResult entry = imports.entries(summary.id(), 0, 10).getFirst();
        UI.getCurrent().navigate(UnmatchedEntriesView.class);
        Dialog dialog = _get(UnmatchedEntriesView.class).open(entry);
        _get(TextField.class, spec -> spec.withId("unmatched-account-number")).setValue(accountNumber);
        _get(TextArea.class, spec -> spec.withId("unmatched-note")).setValue("The customer called about order 42");

        _click(_get(Button.class, spec -> spec.withId("unmatched-credit")));

        assertThat(_get(Div.class, spec -> spec.withId("unmatched-dialog-error")).getText())
                .contains("reason for the customer");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(data.balance(customer.accountId())).isZero();

        _get(TextField.class, spec -> spec.withId("unmatched-customer-reason"))
                .setValue("Your transfer for order 42 was credited.");
        _click(_get(Button.class, spec -> spec.withId("unmatched-credit")));

        assertThat(dialog.isOpened()).isFalse();
        assertThat(_get(Div.class, spec -> spec.withId("unmatched-banner")).getText())
                .contains("UNM-" + run).contains("Credited to an account");
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("42.00");
        assertThat(jdbc.sql("select status_reason from payment where account_id = ? and status = 'CREDITED'")
                .param(customer.accountId().value()).query(String.class).single())
                .isEqualTo("Your transfer for order 42 was credited.");
    }
}
