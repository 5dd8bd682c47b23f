package dev.billfold.document.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.QueryParameters;
import dev.billfold.SignedIn;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.document.PaymentOrderItem;
import dev.billfold.document.PaymentOrderReview;
import dev.billfold.document.PowerOfAttorneyItem;
import dev.billfold.document.PowerOfAttorneyReview;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.payment.TopUpService;
import dev.billfold.staff.StaffRole;
import dev.billfold.ui.KaribuTest;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The payment-order section of a waiting invoice, the customer's powers of attorney, and the two review queues, as
 * a customer, Finance and Support use them.
 */
class DocumentViewsTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    TopUpService topUps;
    @Autowired
    PaymentOrderReview orderReview;
    @Autowired
    PowerOfAttorneyReview powerReview;
    @Autowired
    JdbcClient jdbc;

    @SignedIn
    Customer customer;

    @Test
    void a_bad_file_says_why_and_stores_nothing_and_a_real_pdf_is_sent_for_review() {
        PaymentId invoice = invoice("100.00");
        showDetail(invoice);
        assertThat(_find(Upload.class, spec -> spec.withId("payment-order-upload"))).hasSize(1);

        panel().send("receipt.pdf", "just text, not a PDF".getBytes());
        assertThat(status()).startsWith("receipt.pdf: ").contains("not a PDF, PNG or JPEG");
        assertThat(files()).isZero();

        panel().send("payment-order.pdf", fixture("payment-order.pdf"));
        assertThat(status()).isEqualTo("Sent, under review");
        assertThat(_find(Upload.class, spec -> spec.withId("payment-order-upload"))).as("one order at a time")
                .isEmpty();
        assertThat(files()).isEqualTo(1);

        showDetail(invoice);
        assertThat(status()).as("read again on the next showing").isEqualTo("Sent, under review");
    }

    @Test
    void finance_credits_conditionally_in_the_queue_and_the_customer_sees_it() throws IOException {
        PaymentId invoice = invoice("100.00");
        showDetail(invoice);
        panel().send("payment-order.pdf", fixture("payment-order.pdf"));

        signInStaff(data.newStaffUser(), StaffRole.FINANCE);
        UI.getCurrent().navigate(PaymentOrdersView.class);
        var queue = orders("payment-orders-queue");
        int row = rowOf(queue, invoice);
        // Karibu renders the cell afresh, detached: attach it so that its download handler is registered.
        var link = (Anchor) GridKt._getCellComponent(queue, row, "document");
        UI.getCurrent().add(link);
        assertThat(link.getText()).isEqualTo("payment-order.pdf");
        assertThat(DownloadKt._download(link)).isEqualTo(fixture("payment-order.pdf"));
        UI.getCurrent().remove(link);
        assertThat(count("payment-orders")).isEqualTo(orderReview.waiting() + orderReview.overdueCount());

        click(GridKt._getCellComponent(queue, row, "actions"), "payment-order-credit");
        confirm("");
        assertThat(_get(TextArea.class, spec -> spec.withId("document-decision-note")).isInvalid())
                .as("a decision needs a note").isTrue();
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0.00");
        confirm("Stamped by the bank");

        assertThat(banner("payment-orders-banner")).isEqualTo("$100.00 conditionally credited to %s."
                .formatted(accountName()));
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("100.00");
        assertThat(rowsOf(invoice)).isZero();
        assertThat(count("payment-orders")).isEqualTo(orderReview.waiting() + orderReview.overdueCount());

        signIn(customer.username());
        showDetail(invoice);
        assertThat(status()).isEqualTo("Accepted: conditionally credited");
    }

    @Test
    void the_second_of_two_reviewers_is_told_who_decided_first_and_a_rejection_reason_reaches_the_customer() {
        PaymentId invoice = invoice("80.00");
        showDetail(invoice);
        panel().send("payment-order.png", fixture("payment-order.png"));
        String first = data.newStaffUser();

        signInStaff(data.newStaffUser(), StaffRole.FINANCE);
        UI.getCurrent().navigate(PaymentOrdersView.class);
        var queue = orders("payment-orders-queue");
        PaymentOrderItem item = GridKt._get(queue, rowOf(queue, invoice));
        click(GridKt._getCellComponent(queue, rowOf(queue, invoice), "actions"), "payment-order-credit");
        // Meanwhile another Finance member rejects it.
        var second = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        TestData.signIn(first, java.util.List.of(StaffRole.FINANCE));
        orderReview.reject(item.id(), "The bank's stamp is missing.");
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(second);
        confirm("Looks fine");

        assertThat(banner("payment-orders-banner")).startsWith("Already decided by ").endsWith(": Rejected.");
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0.00");

        signIn(customer.username());
        showDetail(invoice);
        assertThat(status()).isEqualTo("Rejected: The bank's stamp is missing.");
        assertThat(_find(Upload.class, spec -> spec.withId("payment-order-upload"))).as("another order may follow")
                .hasSize(1);
    }

    @Test
    void support_reads_the_payment_orders_without_buttons_and_a_customer_is_kept_out() {
        signInStaff(data.newStaffUser(), StaffRole.SUPPORT);
        UI.getCurrent().navigate(PaymentOrdersView.class);
        _get(PaymentOrdersView.class);
        assertThat(_find(Button.class, spec -> spec.withClasses("payment-order-credit"))).isEmpty();

        signIn(customer.username());
        assertThatThrownBy(() -> UI.getCurrent().navigate(PaymentOrdersView.class))
                .isInstanceOf(MockAccessDeniedException.class);
        assertThatThrownBy(() -> UI.getCurrent().navigate(PowersOfAttorneyReviewView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    void an_owner_sends_a_power_of_attorney_that_support_accepts() {
        UI.getCurrent().navigate(PowersOfAttorneyView.class);
        @SuppressWarnings("unchecked")
        Select<dev.billfold.account.PayerDetails> payer = _get(Select.class, spec -> spec.withId("poa-payer"));
        assertThat(payer.getListDataView().getItems().map(p -> p.type()))
                .as("no individual payer").doesNotContain(dev.billfold.account.PayerType.INDIVIDUAL);
        assertThat(_get(com.vaadin.flow.component.datepicker.DatePicker.class, spec -> spec.withId("poa-valid-to"))
                .getValue()).isEqualTo(dev.billfold.document.PowerOfAttorneyService.defaultValidTo(
                _get(com.vaadin.flow.component.datepicker.DatePicker.class, spec -> spec.withId("poa-valid-from"))
                        .getValue()));
        var view = _get(PowersOfAttorneyView.class);

        _get(TextField.class, spec -> spec.withId("poa-individual")).setValue("Ivan Petrov");
        view.fileChosen("poa.pdf", "not a pdf".getBytes());
        _click(_get(Button.class, spec -> spec.withId("poa-send")));
        assertThat(banner("poa-status")).contains("not a PDF, PNG or JPEG");
        assertThat(files()).isZero();

        _get(TextField.class, spec -> spec.withId("poa-individual")).setValue(" ");
        view.fileChosen("poa.pdf", fixture("payment-order.pdf"));
        _click(_get(Button.class, spec -> spec.withId("poa-send")));
        assertThat(_get(TextField.class, spec -> spec.withId("poa-individual")).isInvalid()).isTrue();
        assertThat(files()).isZero();

        _get(TextField.class, spec -> spec.withId("poa-individual")).setValue("Ivan Petrov");
        _click(_get(Button.class, spec -> spec.withId("poa-send")));
        assertThat(banner("poa-status")).startsWith("Sent for review: poa.pdf for Ivan Petrov");
        assertThat(states()).containsExactly("Under review");

        signInStaff(data.newStaffUser(), StaffRole.SUPPORT);
        UI.getCurrent().navigate(PowersOfAttorneyReviewView.class);
        @SuppressWarnings("unchecked")
        Grid<PowerOfAttorneyItem> queue = _get(Grid.class, spec -> spec.withId("powers-of-attorney-queue"));
        int row = -1;
        for (int i = 0; i < GridKt._size(queue); i++) {
            if (GridKt._get(queue, i).accountId().equals(customer.accountId())) {
                row = i;
            }
        }
        assertThat(row).as("the customer's power of attorney is queued").isNotNegative();
        assertThat(count("powers-of-attorney")).isEqualTo(powerReview.waiting());
        click(GridKt._getCellComponent(queue, row, "actions"), "power-of-attorney-accept");
        confirm("Signed and stamped");
        assertThat(banner("powers-of-attorney-banner")).isEqualTo("Power of attorney for Ivan Petrov accepted.");

        signIn(customer.username());
        UI.getCurrent().navigate(PowersOfAttorneyView.class);
        assertThat(states()).containsExactly("Accepted, valid now");
    }

    @Test
    void a_member_who_is_not_an_owner_reads_without_the_form() {
        var viewer = data.addMember(customer.accountId(), "VIEWER");
        signIn(viewer);
        UI.getCurrent().navigate(PowersOfAttorneyView.class);
        assertThat(_find(Button.class, spec -> spec.withId("poa-send"))).isEmpty();
        _get(Paragraph.class, spec -> spec.withId("poa-read-only"));
    }

    // helpers

    private PaymentId invoice(String amount) {
        var completed = (TopUpOutcome.Completed) topUps.topUp(new TopUpRequest(customer.company(), amount,
                new MethodChoice.Invoice(), false, UUID.randomUUID().toString()));
        return completed.paymentId();
    }

    private static void showDetail(PaymentId id) {
        UI.getCurrent().navigate("history", QueryParameters.of("payment", id.value().toString()));
    }

    private static PaymentOrderPanel panel() {
        return _get(PaymentOrderPanel.class);
    }

    private static String status() {
        return _get(Paragraph.class, spec -> spec.withId("payment-order-status")).getText();
    }

    private static java.util.List<String> states() {
        return _find(Span.class, spec -> spec.withClasses("poa-state")).stream().map(Span::getText).toList();
    }

    private static void confirm(String note) {
        _get(TextArea.class, spec -> spec.withId("document-decision-note")).setValue(note);
        _click(_get(Button.class, spec -> spec.withId("document-decision-confirm")));
    }

    private static void click(Component cell, String className) {
        _click(_get(cell, Button.class, spec -> spec.withClasses(className)));
    }

    private static String banner(String id) {
        Div banner = _get(Div.class, spec -> spec.withId(id));
        assertThat(banner.isVisible()).as("the banner shows").isTrue();
        return banner.getText();
    }

    private static int count(String key) {
        return Integer.parseInt(_get(Span.class, spec -> spec.withId("ops-nav-" + key + "-count")).getText());
    }

    @SuppressWarnings("unchecked")
    private static Grid<PaymentOrderItem> orders(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    private static int rowOf(Grid<PaymentOrderItem> grid, PaymentId payment) {
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (GridKt._get(grid, i).paymentId().equals(payment)) {
                return i;
            }
        }
        throw new AssertionError("No row for the payment");
    }

    /** The payment's rows in the queue; none when the queue is empty and hidden. */
    @SuppressWarnings("unchecked")
    private static long rowsOf(PaymentId payment) {
        var grid = (Grid<PaymentOrderItem>) _get(Grid.class, spec -> spec.withId("payment-orders-queue"));
        if (!grid.isVisible()) {
            return 0;
        }
        return java.util.stream.IntStream.range(0, GridKt._size(grid))
                .filter(i -> GridKt._get(grid, i).paymentId().equals(payment)).count();
    }

    private int files() {
        return jdbc.sql("select count(*) from document_file where account_id = ?")
                .param(customer.accountId().value()).query(Integer.class).single();
    }

    private String accountName() {
        return jdbc.sql("select name from account where id = ?").param(customer.accountId().value())
                .query(String.class).single();
    }

    static byte[] fixture(String name) {
        try (InputStream in = DocumentViewsTest.class.getResourceAsStream("/documents/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
