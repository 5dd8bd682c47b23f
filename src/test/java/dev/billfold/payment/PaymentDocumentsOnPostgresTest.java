package dev.billfold.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.BillfoldPostgresTest;
import dev.billfold.SignedIn;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.account.PayerId;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.gateway.GatewayRegistry;
import dev.billfold.gateway.GatewayResult;
import dev.billfold.gateway.demo.DemoCustomer;
import dev.billfold.paymentmethod.PaymentMethodId;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Invoice and receipt PDFs through the service as the history view calls it, read back with PDFBox. */
@BillfoldPostgresTest
class PaymentDocumentsOnPostgresTest {

    @Autowired
    PaymentDocuments documents;
    @Autowired
    TopUpService topUps;
    @Autowired
    PaymentService payments;
    @Autowired
    PaymentHistoryQuery history;
    @Autowired
    PaymentSettlement settlement;
    @Autowired
    PaymentRepository paymentRepository;
    @Autowired
    GatewayRegistry gateways;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestData data;

    @SignedIn
    Customer customer;

    @Test
    void invoice_pdf_carries_number_dates_bank_details_payer_amount_reference_and_status() throws IOException {
        PaymentId id = invoiceTopUp(customer, "1200.50");
        Invoice invoice = invoiceOf(id);

        PaymentDocument pdf = documents.invoice(id);

        assertThat(pdf.fileName()).isEqualTo("invoice-" + invoice.number() + ".pdf").matches("invoice-INV-\\d{4}-\\d{6}\\.pdf");
        String text = text(pdf);
        assertThat(text).contains("Invoice " + invoice.number(), "Billfold Demo Hosting Inc.", "Account: 000123456789",
                "SWIFT: FDBKUS33", "Pat Company Ltd", "VAT-123", "$1,200.50", "USD", "Billfold Demo Hosting GmbH",
                "VAT id: DE123456789", "one thousand two hundred US dollars 50 cents", "UTC",
                DocumentDates.date(invoice.issuedAt()), DocumentDates.date(invoice.dueAt()));
        assertThat(text).doesNotContain("PAID", "Waiting for payment", "Status");
        assertThat(flat(text)).contains(flat(invoice.purpose()));
        String accountNumber = jdbc.sql("select account_number from account where id = ?")
                .param(customer.accountId().value()).query(String.class).single();
        assertThat(invoice.accountNumber()).isEqualTo(accountNumber);
        assertThat(flat(text)).contains("Accountnumber" + accountNumber);
    }

    @Test
    void invoice_of_a_paid_payment_prints_no_status_and_then_has_a_receipt_by_bank_transfer() throws IOException {
        PaymentId id = invoiceTopUp(customer, "300.00");
        settlement.apply(id, GatewayResult.succeeded("bank-statement-1", Money.of("300.00", "USD"), null));

        assertThat(text(documents.invoice(id))).contains("Invoice " + invoiceOf(id).number())
                .doesNotContain("PAID", "Credited");
        assertThat(text(documents.receipt(id))).contains("Bank transfer of ", ", reference bank-statement-1 (Invoice "
                + invoiceOf(id).number() + ")",
                "$300.00");
    }

    @Test
    void receipt_of_a_credited_card_payment_carries_a_stable_number_date_payer_method_amount_and_issuer() throws IOException {
        PaymentMethodId card = data.savedCard(customer, customer.person(), "4242", true);
        var completed = (TopUpOutcome.Completed) topUps.topUp(request(customer, "500", new MethodChoice.Saved(card)));
        PaymentId id = completed.paymentId();
        assertThat(completed.status()).isEqualTo(PaymentStatus.CREDITED);

        PaymentDocument first = documents.receipt(id);
        PaymentDocument again = documents.receipt(id);

        String number = Receipt.numberFor(id);
        assertThat(number).matches("RCT-[0-9A-F]{8}-[0-9A-F]{4}")
                .startsWith("RCT-" + id.value().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT));
        assertThat(first.fileName()).isEqualTo("receipt-" + number + ".pdf").isEqualTo(again.fileName());
        assertThat(text(first)).contains("Receipt " + number, "Billfold Demo Hosting GmbH", "Pat Person",
                "Visa •••• 4242", "$500.00", "Credited", "UTC", id.value().toString());
    }

    @Test
    void receipt_of_a_demo_checkout_names_the_provider() throws IOException {
        var redirect = (TopUpOutcome.RedirectToProvider) topUps.topUp(request(customer, "150.00",
                new MethodChoice.Checkout("demo")));
        new DemoCustomer(gateways).pay(paymentRepository.findById(redirect.paymentId()).orElseThrow().providerReference());
        assertThat(payments.confirmReturn(redirect.paymentId()).status()).isEqualTo(PaymentStatus.CREDITED);

        String text = text(documents.receipt(redirect.paymentId()));

        assertThat(text).contains("$150.00", gateways.find("demo").orElseThrow().displayName());
    }

    @Test
    void uzs_and_kzt_amounts_print_with_their_currency() throws IOException {
        for (var currency : Map.of("UZS", "1000000", "KZT", "200000").entrySet()) {
            Customer other = data.newCustomer(currency.getKey());
            TestData.signIn(other.username());
            PaymentMethodId card = data.savedCard(other, other.person(), "4242", true);
            var completed = (TopUpOutcome.Completed) topUps.topUp(request(other, currency.getValue(),
                    new MethodChoice.Saved(card)));
            String formatted = Money.of(currency.getValue(), currency.getKey()).format();

            assertThat(text(documents.receipt(completed.paymentId()))).as(currency.getKey()).contains(formatted,
                    currency.getKey());
            assertThat(text(documents.invoice(invoiceTopUp(other, currency.getValue())))).as(currency.getKey())
                    .contains(formatted);
        }
    }

    @Test
    void cyrillic_and_uzbek_names_print_and_a_character_the_font_lacks_becomes_a_question_mark() throws IOException {
        jdbc.sql("update payer set legal_name = ?, address = ? where id = ?")
                .params("ТОО «Қазақ Хостинг» 株", "Oʻzbekiston, Toshkent", customer.company().value()).update();

        String text = text(documents.invoice(invoiceTopUp(customer, "100.00")));

        assertThat(text).contains("ТОО «Қазақ Хостинг» ?", "Oʻzbekiston, Toshkent");
    }

    @Test
    void a_refunded_payments_receipt_shows_the_refund() throws IOException {
        PaymentMethodId card = data.savedCard(customer, customer.person(), "4242", true);
        PaymentId id = ((TopUpOutcome.Completed) topUps.topUp(request(customer, "40", new MethodChoice.Saved(card))))
                .paymentId();
        // No refund path exists yet; the status alone is what the receipt reads.
        jdbc.sql("update payment set status = 'REFUNDED' where id = ?").param(id.value()).update();

        assertThat(text(documents.receipt(id))).contains("Refunded", "$40.00 returned to the payer on");
    }

    @Test
    void payments_never_paid_have_no_receipt_and_the_refusal_changes_nothing() {
        PaymentMethodId declining = data.savedCard(customer, customer.person(), "9995", false);
        PaymentId rejected = ((TopUpOutcome.Completed) topUps.topUp(request(customer, "40",
                new MethodChoice.Saved(declining)))).paymentId();
        PaymentId waiting = invoiceTopUp(customer, "25.00");
        var before = snapshot();

        for (PaymentId id : new PaymentId[] {rejected, waiting}) {
            assertThatThrownBy(() -> documents.receipt(id)).isInstanceOf(InvalidRequestException.class)
                    .hasMessage("There is no receipt for this payment: no money was received for it.");
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void a_payment_without_an_invoice_has_no_invoice_pdf() {
        PaymentMethodId card = data.savedCard(customer, customer.person(), "4242", true);
        PaymentId id = ((TopUpOutcome.Completed) topUps.topUp(request(customer, "40", new MethodChoice.Saved(card))))
                .paymentId();

        assertThatThrownBy(() -> documents.invoice(id)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("This payment has no invoice: only bank-transfer payments have one.");
    }

    @Test
    void another_accounts_payment_and_an_unknown_id_get_the_not_found_answer_and_change_nothing() {
        Customer other = data.newCustomer("USD");
        TestData.signIn(other.username());
        PaymentMethodId card = data.savedCard(other, other.person(), "4242", true);
        PaymentId theirs = ((TopUpOutcome.Completed) topUps.topUp(request(other, "40",
                new MethodChoice.Saved(card)))).paymentId();
        PaymentId theirInvoice = invoiceTopUp(other, "40");
        TestData.signIn(customer.username());
        var before = snapshot();

        for (PaymentId id : new PaymentId[] {theirs, theirInvoice, new PaymentId(UUID.randomUUID())}) {
            assertThatThrownBy(() -> documents.receipt(id)).isInstanceOf(InvalidRequestException.class)
                    .hasMessage("We could not find that payment.");
            assertThatThrownBy(() -> documents.invoice(id)).isInstanceOf(InvalidRequestException.class)
                    .hasMessage("We could not find that payment.");
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void a_viewer_of_the_account_may_download_its_receipt() throws IOException {
        PaymentMethodId card = data.savedCard(customer, customer.person(), "4242", true);
        PaymentId id = ((TopUpOutcome.Completed) topUps.topUp(request(customer, "40", new MethodChoice.Saved(card))))
                .paymentId();
        TestData.signIn(data.addMember(customer.accountId(), "VIEWER"));

        assertThat(text(documents.receipt(id))).contains("$40.00");
    }

    private PaymentId invoiceTopUp(Customer who, String amount) {
        PayerId payer = who.company();
        return ((TopUpOutcome.Completed) topUps.topUp(request(who, amount, new MethodChoice.Invoice(), payer)))
                .paymentId();
    }

    private Invoice invoiceOf(PaymentId id) {
        return java.util.Objects.requireNonNull(history.details(id).invoice());
    }

    private static TopUpRequest request(Customer who, String amount, MethodChoice method) {
        return request(who, amount, method, who.person());
    }

    private static TopUpRequest request(Customer who, String amount, MethodChoice method, PayerId payer) {
        return new TopUpRequest(payer, amount, method, false, UUID.randomUUID().toString());
    }

    private String snapshot() {
        return jdbc.sql("select count(*) from payment").query(Long.class).single() + "/"
                + jdbc.sql("select count(*) from ledger_entry").query(Long.class).single() + "/"
                + jdbc.sql("select count(*) from invoice").query(Long.class).single() + "/"
                + jdbc.sql("select coalesce(sum(version), 0) from payment").query(Long.class).single();
    }

    static String text(PaymentDocument document) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(document.pdf())) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    /** The PDF wraps long text across lines, also after a hyphen; compare without white space. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", "");
    }
}
