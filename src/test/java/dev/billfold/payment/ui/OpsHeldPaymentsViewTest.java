package dev.billfold.payment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.base.Money;
import dev.billfold.language.Language;
import dev.billfold.payment.BankReceipt;
import dev.billfold.payment.BankTransfers;
import dev.billfold.payment.HeldPayment;
import dev.billfold.payment.HeldPayments;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.PaymentStatus;
import dev.billfold.payment.Resolution;
import dev.billfold.staff.StaffRole;
import dev.billfold.ui.KaribuTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The held-payments queue as Finance resolves it each way, as Support reads it, and as a customer is kept out. */
class OpsHeldPaymentsViewTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BankTransfers bank;
    @Autowired
    HeldPayments held;

    Customer customer;
    String finance;

    @BeforeEach
    void aCustomerAndFinance() {
        customer = data.newCustomer("USD");
        finance = data.newStaffUser();
    }

    @Test
    void finance_credits_what_was_received_and_the_queue_and_its_count_shrink() {
        signInStaff(finance, StaffRole.FINANCE);
        String number = "INV-H-" + UUID.randomUUID().toString().substring(0, 8);
        PaymentId id = heldUnderpaid(number);
        UI.getCurrent().navigate(OpsHeldPaymentsView.class);

        HeldPayment row = GridKt._get(grid(), rowOf(id));
        assertThat(row.reason()).isEqualTo("Received 90.00 of 100.00 USD.");
        assertThat(OpsHeldPaymentsView.amount(UI.getCurrent(), row)).isEqualTo("$90.00 of $100.00");
        assertThat(row.invoiceNumber()).isEqualTo(number);
        assertThat(row.bankReference()).isEqualTo("REF-" + number);
        assertThat(count()).isEqualTo(held.waiting());

        openResolve(id);
        resolveWith(ResolveDialog.How.CREDIT_RECEIVED, " ", "We credited the 90.00 you sent.");
        assertThat(_get(TextArea.class, spec -> spec.withId("resolve-note")).isInvalid())
                .as("a resolution needs a note").isTrue();
        assertThat(status(id)).isEqualTo(PaymentStatus.WAITING_FOR_CLARIFICATION);
        _get(TextArea.class, spec -> spec.withId("resolve-note")).setValue("Customer confirmed the short payment");
        _click(_get(Button.class, spec -> spec.withId("resolve-confirm")));

        assertThat(banner("held-banner")).isEqualTo("$90.00 of $100.00 for %s: credited.".formatted(accountName()));
        assertThat(status(id)).isEqualTo(PaymentStatus.CREDITED);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("90.00");
        assertThat(rowsOf(id)).isZero();
        assertThat(count()).isEqualTo(held.waiting());
        assertThat(jdbc.sql("select status_reason from payment where id = ?").param(id.value()).query(String.class)
                .single()).isEqualTo("We credited the 90.00 you sent.");
    }

    @Test
    void finance_reads_the_queue_and_the_resolution_dialog_in_russian() {
        signInStaff(finance, StaffRole.FINANCE);
        UI.getCurrent().setLocale(Language.RU.locale());
        PaymentId id = heldUnderpaid("INV-H-" + UUID.randomUUID().toString().substring(0, 8));
        UI.getCurrent().navigate(OpsHeldPaymentsView.class);

        HeldPayment row = GridKt._get(grid(), rowOf(id));
        assertThat(OpsHeldPaymentsView.amount(UI.getCurrent(), row)).isEqualTo("90,00\u00A0$ из 100,00\u00A0$");
        assertThat(grid().getColumnByKey("reason").getHeaderText()).isEqualTo("Причина");
        openResolve(id);

        var dialog = _get(ResolveDialog.class, spec -> spec.withId("resolve-dialog"));
        assertThat(dialog.getHeaderTitle()).isEqualTo("Разбор платежа 90,00\u00A0$ из 100,00\u00A0$ для "
                + accountName());
        @SuppressWarnings("unchecked")
        Select<ResolveDialog.How> how = _get(Select.class, spec -> spec.withId("resolve-how"));
        assertThat(how.getLabel()).isEqualTo("Решение");
        assertThat(how.getItemLabelGenerator().apply(ResolveDialog.How.REJECT)).isEqualTo("Отклонить");
        assertThat(_get(TextArea.class, spec -> spec.withId("resolve-note")).getLabel())
                .isEqualTo("Заметка (только для сотрудников)");
        assertThat(_get(Button.class, spec -> spec.withId("resolve-confirm")).getText()).isEqualTo("Применить");
    }

    @Test
    void finance_credits_another_account_records_a_return_and_rejects() {
        Customer other = data.newCustomer("USD");
        signInStaff(finance, StaffRole.FINANCE);
        PaymentId toOther = heldUnderpaid("INV-H-" + UUID.randomUUID().toString().substring(0, 8));
        PaymentId returned = heldUnderpaid("INV-H-" + UUID.randomUUID().toString().substring(0, 8));
        PaymentId rejected = heldUnderpaid("INV-H-" + UUID.randomUUID().toString().substring(0, 8));
        UI.getCurrent().navigate(OpsHeldPaymentsView.class);

        openResolve(toOther);
        _get(Select.class, spec -> spec.withId("resolve-how")).setValue(ResolveDialog.How.CREDIT_OTHER_ACCOUNT);
        _get(TextField.class, spec -> spec.withId("resolve-account-number")).setValue(accountNumber(other));
        resolveWith(null, "Meant for the sister company", "Credited to the account you named.");
        openResolve(returned);
        _get(Select.class, spec -> spec.withId("resolve-how")).setValue(ResolveDialog.How.RETURNED_TO_SENDER);
        _get(TextField.class, spec -> spec.withId("resolve-bank-reference")).setValue("RET-77");
        resolveWith(null, "Payer asked for it back", "The bank returned your transfer.");
        openResolve(rejected);
        resolveWith(ResolveDialog.How.REJECT, "Duplicate of a card payment", "This transfer was not credited.");

        assertThat(status(toOther)).isEqualTo(PaymentStatus.REJECTED);
        assertThat(data.balance(other.accountId())).isEqualByComparingTo("90.00");
        assertThat(status(returned)).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(status(rejected)).isEqualTo(PaymentStatus.REJECTED);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0.00");
        assertThat(List.of(rowsOf(toOther), rowsOf(returned), rowsOf(rejected))).containsOnly(0);
    }

    @Test
    void an_unknown_account_number_shows_a_message_and_changes_nothing() {
        signInStaff(finance, StaffRole.FINANCE);
        PaymentId id = heldUnderpaid("INV-H-" + UUID.randomUUID().toString().substring(0, 8));
        UI.getCurrent().navigate(OpsHeldPaymentsView.class);

        openResolve(id);
        _get(Select.class, spec -> spec.withId("resolve-how")).setValue(ResolveDialog.How.CREDIT_OTHER_ACCOUNT);
        TextField number = _get(TextField.class, spec -> spec.withId("resolve-account-number"));
        number.setValue("123456789");
        resolveWith(null, "Wrong account", "Credited elsewhere.");

        assertThat(number.isInvalid()).isTrue();
        assertThat(number.getErrorMessage()).isNotBlank();
        assertThat(_find(ResolveDialog.class)).as("the dialog stays open").hasSize(1);
        assertThat(status(id)).isEqualTo(PaymentStatus.WAITING_FOR_CLARIFICATION);
        assertThat(rowsOf(id)).isEqualTo(1);
    }

    @Test
    void the_second_of_two_resolutions_is_told_who_resolved_it_and_changes_nothing() {
        signInStaff(finance, StaffRole.FINANCE);
        PaymentId id = heldUnderpaid("INV-H-" + UUID.randomUUID().toString().substring(0, 8));
        UI.getCurrent().navigate(OpsHeldPaymentsView.class);
        openResolve(id);

        // Another Finance member resolves it while this dialog is open.
        String first = data.newStaffUser();
        TestData.signIn(first, List.of(StaffRole.FINANCE));
        held.resolve(id, new Resolution.CreditReceived(), "First", "We credited the 90.00.");
        signInStaff(finance, StaffRole.FINANCE);

        resolveWith(ResolveDialog.How.REJECT, "Second", "Not credited.");

        assertThat(banner("resolve-error")).startsWith("Already resolved: Staff Member credited the amount received at ")
                .endsWith("The payment is now credited.");
        assertThat(status(id)).isEqualTo(PaymentStatus.CREDITED);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("90.00");
        assertThat(rowsOf(id)).as("the queue was read again").isZero();
    }

    @Test
    void support_reads_the_queue_without_resolve_buttons() {
        signInStaff(finance, StaffRole.FINANCE);
        PaymentId id = heldUnderpaid("INV-H-" + UUID.randomUUID().toString().substring(0, 8));
        signInStaff(data.newStaffUser(), StaffRole.SUPPORT);

        UI.getCurrent().navigate(OpsHeldPaymentsView.class);

        assertThat(rowsOf(id)).isEqualTo(1);
        assertThat(grid().getColumnByKey("actions")).as("no actions column for Support").isNull();
        assertThat(_find(Button.class, spec -> spec.withText("Resolve"))).isEmpty();
        assertThat(count()).isEqualTo(held.waiting());
    }

    @Test
    void a_customer_never_opens_the_queue() {
        signIn(customer.username());
        assertThatThrownBy(() -> UI.getCurrent().navigate(OpsHeldPaymentsView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    /** A waiting invoice of 100.00 and a bank receipt of 90.00 for it, which holds it. */
    private PaymentId heldUnderpaid(String number) {
        UUID id = UUID.randomUUID();
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                        insert into payment (id, account_id, payer_id, amount_value, amount_currency, method_kind,
                          idempotency_key, save_method, status, created_at, updated_at, version)
                        values (?, ?, ?, ?, 'USD', 'INVOICE', ?, false, 'WAITING_FOR_PAYMENT', ?, ?, 0)""")
                .params(id, customer.accountId().value(), customer.company().value(), new BigDecimal("100.00"),
                        "test:" + id, now, now)
                .update();
        jdbc.sql("""
                        insert into invoice (payment_id, number, recipient_name, recipient_bank_details, payer_name,
                          payer_tax_id, payer_address, purpose, issued_at, due_at)
                        values (?, ?, 'R', 'B', 'Pat Company Ltd', 'VAT-123', 'A', 'P', ?, ?)""")
                .params(id, number, now, now.plusDays(10)).update();
        PaymentId paymentId = new PaymentId(id);
        bank.receive(List.of(new BankReceipt("ACC1:" + UUID.randomUUID(), Money.of("90.00", "USD"),
                LocalDate.of(2026, 12, 1), "Pat Company Ltd", "VAT-123", number, "REF-" + number,
                new BankReceipt.CreditInvoice(paymentId, null))));
        return paymentId;
    }

    private void openResolve(PaymentId id) {
        Button resolve = (Button) GridKt._getCellComponent(grid(), rowOf(id), "actions");
        assertThat(resolve.getId()).hasValue("resolve-" + id.value());
        _click(resolve);
    }

    @SuppressWarnings("unchecked")
    private static void resolveWith(ResolveDialog.How how, String note, String customerReason) {
        if (how != null) {
            _get(Select.class, spec -> spec.withId("resolve-how")).setValue(how);
        }
        _get(TextArea.class, spec -> spec.withId("resolve-note")).setValue(note);
        _get(TextField.class, spec -> spec.withId("resolve-customer-reason")).setValue(customerReason);
        _click(_get(Button.class, spec -> spec.withId("resolve-confirm")));
    }

    private PaymentStatus status(PaymentId id) {
        return PaymentStatus.valueOf(jdbc.sql("select status from payment where id = ?").param(id.value())
                .query(String.class).single());
    }

    private String accountName() {
        return jdbc.sql("select name from account where id = ?").param(customer.accountId().value())
                .query(String.class).single();
    }

    private String accountNumber(Customer of) {
        return jdbc.sql("select account_number from account where id = ?").param(of.accountId().value())
                .query(String.class).single();
    }

    private static String banner(String id) {
        Div banner = _get(Div.class, spec -> spec.withId(id));
        assertThat(banner.isVisible()).as("the banner shows").isTrue();
        return banner.getText();
    }

    private static int count() {
        return Integer.parseInt(_get(Span.class, spec -> spec.withId("ops-nav-held-count")).getText());
    }

    @SuppressWarnings("unchecked")
    private static Grid<HeldPayment> grid() {
        return _get(Grid.class, spec -> spec.withId("held-grid"));
    }

    /** The queue is shared with other tests: this payment's row. */
    private static int rowOf(PaymentId id) {
        Grid<HeldPayment> grid = grid();
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._get(grid, i).paymentId().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("No row for payment " + id.value());
    }

    /** How often the payment is in the queue; none when the queue is empty and its grid hidden. */
    @SuppressWarnings("unchecked")
    private static int rowsOf(PaymentId id) {
        var shown = _find(Grid.class, spec -> spec.withId("held-grid"));
        if (shown.isEmpty()) {
            return 0;
        }
        Grid<HeldPayment> grid = shown.getFirst();
        int rows = 0;
        for (int i = 0; i < GridKt._size(grid); i++) {
            rows += GridKt._get(grid, i).paymentId().equals(id) ? 1 : 0;
        }
        return rows;
    }
}
