package dev.billfold.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.MutableClock;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.payment.BankReceipt;
import dev.billfold.payment.BankTransfers;
import dev.billfold.payment.PaymentId;
import dev.billfold.staff.StaffRole;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Customers' uploads and staff decisions that need no bank call, the same SQL on H2 and PostgreSQL (DD-068). */
abstract class DocumentUploadsContract {

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PaymentOrderService orders;
    @Autowired
    PaymentOrderReview review;
    @Autowired
    PowerOfAttorneyService powers;
    @Autowired
    PowerOfAttorneyReview powerReview;
    @Autowired
    PowersOfAttorney validity;
    @Autowired
    MutableClock clock;
    @Autowired
    dev.billfold.payment.BankProperties bankProperties;
    @Autowired
    BankTransfers bank;

    Customer customer;
    PaymentId invoice;

    @BeforeEach
    void aWaitingInvoice() {
        customer = data.newCustomer("USD");
        invoice = new PaymentId(UUID.randomUUID());
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                        insert into payment (id, account_id, payer_id, amount_value, amount_currency, method_kind,
                          idempotency_key, save_method, status, created_at, updated_at, version)
                        values (?, ?, ?, 100.00, 'USD', 'INVOICE', ?, false, 'WAITING_FOR_PAYMENT', ?, ?, 0)""")
                .params(invoice.value(), customer.accountId().value(), customer.company().value(),
                        "doc:" + invoice.value(), now, now)
                .update();
        jdbc.sql("""
                        insert into invoice (payment_id, number, recipient_name, recipient_bank_details, payer_name,
                          payer_tax_id, payer_address, purpose, issued_at, due_at)
                        values (?, ?, 'R', 'B', 'Pat Company Ltd', 'VAT-123', 'A', 'P', ?, ?)""")
                .params(invoice.value(), "INV-D-" + invoice.value().toString().substring(0, 8), now, now.plusDays(10))
                .update();
        TestData.signIn(customer.username());
    }

    @AfterEach
    void signOut() {
        TestData.signOut();
    }

    @Test
    void a_real_pdf_is_stored_under_review_and_a_second_one_is_refused_while_it_waits() {
        var summary = orders.upload(invoice, DocumentChecksTest.file("payment-order.pdf"));

        assertThat(summary.status()).isEqualTo(PaymentOrderStatus.PENDING);
        var page = orders.page(invoice);
        assertThat(page.canUpload()).isFalse();
        assertThat(page.orders()).extracting(PaymentOrderSummary::status).containsExactly(PaymentOrderStatus.PENDING);
        assertThatThrownBy(() -> orders.upload(invoice, DocumentChecksTest.file("payment-order.png")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("under review already");
        assertThat(auditEntries("document.payment-order.uploaded")).isEqualTo(1);
    }

    @Test
    void png_and_jpeg_pass_and_fakes_and_oversized_files_are_refused_and_nothing_is_stored() {
        int before = files();
        assertThatThrownBy(() -> orders.upload(invoice, DocumentChecksTest.file("not-a-pdf.pdf")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("not a PDF, PNG or JPEG");
        assertThatThrownBy(() -> orders.upload(invoice, DocumentChecksTest.file("fake-header.pdf")))
                .isInstanceOf(InvalidRequestException.class);
        byte[] big = Arrays.copyOf(DocumentChecksTest.fixture("payment-order.pdf"), UploadedDocument.MAX_BYTES + 1);
        assertThatThrownBy(() -> orders.upload(invoice, new UploadedDocument("big.pdf", big)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("larger than 10 MB");
        assertThat(files()).isEqualTo(before);

        assertThat(orders.upload(invoice, DocumentChecksTest.file("payment-order.jpg")).fileName())
                .isEqualTo("payment-order.jpg");
    }

    @Test
    void another_accounts_member_is_refused_and_nothing_is_stored() {
        Customer stranger = data.newCustomer("USD");
        TestData.signIn(stranger.username());
        int before = files();

        assertThatThrownBy(() -> orders.upload(invoice, DocumentChecksTest.file("payment-order.pdf")))
                .isInstanceOf(InvalidRequestException.class).hasMessage("We could not find that payment.");
        assertThatThrownBy(() -> orders.page(invoice)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> powers.upload(customer.company(), "Ivan Petrov", LocalDate.now(),
                LocalDate.now().plusYears(1), DocumentChecksTest.file("payment-order.pdf")))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(files()).isEqualTo(before);
    }

    @Test
    void finance_rejects_with_a_reason_the_customer_reads_and_a_second_decision_is_told_the_first() {
        orders.upload(invoice, DocumentChecksTest.file("payment-order.png"));
        TestData.signIn(data.newStaffUser(), List.of(StaffRole.FINANCE));
        var queued = review.queue(0, 50).stream().filter(item -> item.paymentId().equals(invoice)).findFirst()
                .orElseThrow();
        assertThat(review.document(queued.id()).kind()).isEqualTo(DocumentKind.PNG);

        review.reject(queued.id(), "The bank's stamp is missing.");
        assertThatThrownBy(() -> review.reject(queued.id(), "again"))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("Already decided by");

        TestData.signIn(customer.username());
        var page = orders.page(invoice);
        assertThat(page.orders().getFirst().reason()).isEqualTo("The bank's stamp is missing.");
        assertThat(page.canUpload()).as("another order may follow").isTrue();
    }

    @Test
    void a_power_of_attorney_accepted_by_support_makes_its_individual_valid_within_its_dates() {
        LocalDate today = LocalDate.now();
        var uploaded = powers.upload(customer.company(), " Ivan   Petrov ", today,
                PowerOfAttorneyService.defaultValidTo(today), DocumentChecksTest.file("payment-order.pdf"));
        assertThat(uploaded.individualName()).isEqualTo("Ivan Petrov");
        assertThat(validity.validFor(customer.company(), "IVAN PETROV", today)).as("under review").isFalse();
        assertThatThrownBy(() -> powers.upload(customer.person(), "Ivan Petrov", today, today.plusYears(1),
                DocumentChecksTest.file("payment-order.pdf")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("company or a sole proprietor");

        TestData.signIn(data.newStaffUser(), List.of(StaffRole.SUPPORT));
        powerReview.accept(uploaded.id(), "Signed and stamped.");

        assertThat(validity.validFor(customer.company(), "IVAN PETROV", today)).isTrue();
        assertThat(validity.validFor(customer.company(), "Ivan Petrov", today.plusYears(1))).isFalse();
        TestData.signIn(customer.username());
        assertThat(powers.ofPayer(customer.company())).extracting(PowerOfAttorneySummary::validOn)
                .containsExactly(true);
    }

    @Test
    void finance_credits_conditionally_through_the_bank_side_and_reverses_only_once_the_days_have_passed() {
        orders.upload(invoice, DocumentChecksTest.file("payment-order.pdf"));
        TestData.signIn(data.newStaffUser(), List.of(StaffRole.FINANCE));
        var queued = queued();
        assertThatThrownBy(() -> review.conditionallyCredit(queued.id(), "  "))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(topUps()).isZero();

        var credited = review.conditionallyCredit(queued.id(), "Stamped by the bank.");

        assertThat(credited.status()).isEqualTo(PaymentOrderStatus.CONDITIONALLY_CREDITED);
        assertThat(credited.paymentStatus()).isEqualTo(dev.billfold.payment.PaymentStatus.CONDITIONALLY_CREDITED);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("100.00");
        assertThat(topUps()).isEqualTo(1);
        assertThat(auditEntries("document.payment-order.conditionally-credited")).isEqualTo(1);
        assertThatThrownBy(() -> review.conditionallyCredit(queued.id(), "again"))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("Already decided by");
        assertThat(review.overdue(0, 500)).extracting(PaymentOrderItem::id).doesNotContain(queued.id());
        assertThatThrownBy(() -> review.reverse(queued.id(), "too early"))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("100.00");

        clock.advance(Duration.ofDays(bankProperties.conditionalCreditDays()).plusMinutes(1));
        assertThat(review.overdue(0, 500)).extracting(PaymentOrderItem::id).contains(queued.id());
        var reversed = review.reverse(queued.id(), "No transfer on any statement.");

        assertThat(reversed.status()).isEqualTo(PaymentOrderStatus.REVERSED);
        assertThat(reversed.paymentStatus()).isEqualTo(dev.billfold.payment.PaymentStatus.DELETED);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0.00");
        assertThat(auditEntries("document.payment-order.reversed")).isEqualTo(1);
        assertThat(review.overdue(0, 500)).extracting(PaymentOrderItem::id).doesNotContain(queued.id());
        assertThatThrownBy(() -> review.reverse(queued.id(), "twice"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("only a conditionally credited");
        TestData.signIn(customer.username());
        assertThat(orders.page(invoice).orders().getFirst().status()).isEqualTo(PaymentOrderStatus.REVERSED);
    }

    @Test
    void support_reads_the_queue_but_cannot_credit() {
        orders.upload(invoice, DocumentChecksTest.file("payment-order.pdf"));
        TestData.signIn(data.newStaffUser(), List.of(StaffRole.SUPPORT));
        var queued = queued();
        assertThatThrownBy(() -> review.conditionallyCredit(queued.id(), "n"))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(topUps()).isZero();
    }

    @Test
    void an_order_whose_invoice_a_statement_paid_first_leaves_the_queue_and_the_customer_is_told_why() {
        orders.upload(invoice, DocumentChecksTest.file("payment-order.pdf"));
        TestData.signIn(data.newStaffUser(), List.of(StaffRole.FINANCE));
        int waiting = review.waiting();
        var order = queued();

        bank.receive(List.of(new BankReceipt("DOC:" + invoice.value(), Money.of("100.00", "USD"), LocalDate.now(),
                "Pat Company Ltd", "VAT-123", "invoice", "REF-" + invoice.value(),
                new BankReceipt.CreditInvoice(invoice, null))));

        assertThat(review.queue(0, 500)).extracting(PaymentOrderItem::id).doesNotContain(order.id());
        assertThat(review.waiting()).isEqualTo(waiting - 1);
        assertThat(topUps()).isEqualTo(1);
        TestData.signIn(customer.username());
        var page = orders.page(invoice);
        assertThat(page.paymentStatus()).isEqualTo(dev.billfold.payment.PaymentStatus.CREDITED);
        assertThat(page.canUpload()).isFalse();
        assertThat(page.orders()).extracting(PaymentOrderSummary::status).containsExactly(PaymentOrderStatus.PENDING);
    }

    PaymentOrderItem queued() {
        return review.queue(0, 500).stream().filter(item -> item.paymentId().equals(invoice)).findFirst()
                .orElseThrow();
    }

    int topUps() {
        return jdbc.sql("select count(*) from ledger_entry where account_id = ? and kind = 'TOP_UP'")
                .param(customer.accountId().value()).query(Integer.class).single();
    }

    int files() {
        return jdbc.sql("select count(*) from document_file where account_id = ?")
                .param(customer.accountId().value()).query(Integer.class).single();
    }

    int auditEntries(String action) {
        return jdbc.sql("select count(*) from audit_entry where action = ? and account_id = ?")
                .params(action, customer.accountId().value()).query(Integer.class).single();
    }
}
