package dev.billfold.payment;

import static dev.billfold.payment.InvoicePdfTest.flat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.SignedIn;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.account.PayerId;
import dev.billfold.ledger.Ledger;
import dev.billfold.payment.SellerProperties.BankAccount;
import dev.billfold.paymentmethod.PaymentMethodId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an invoice is issued with stays what it shows (issue 20, DD-094, DD-097): the seller, its tax and the bank
 * account copied at issue, the buyer's country and the language of the total in words, whatever the configuration
 * says later; the history page's fields are the PDF's; an invoice issued before the copy prints as before.
 */
abstract class InvoiceCopyContract {

    /** The seller as a later start-up might configure it: another name, rate and a USD account. */
    static final SellerProperties RECONFIGURED = new SellerProperties("Renamed Hosting AG", "Neue Strasse 9, Zurich",
            "CH", null, null, "CHE-123.456.789", null, null, 8.1, "MWST", null, List.of(new BankAccount(
            "Renamed Hosting AG", "UBS", "CH9300762011623852957", null, "UBSWCHZH80A", null, null, null,
            List.of("USD"))));

    @Autowired
    TopUpService topUps;
    @Autowired
    InvoiceStore invoices;
    @Autowired
    PaymentHistoryQuery history;
    @Autowired
    PaymentDocuments documents;
    @Autowired
    SellerProperties configured;
    @Autowired
    Ledger ledger;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestData data;

    @SignedIn
    Customer customer;

    @Test
    void an_invoice_copies_the_configured_seller_the_payers_country_and_its_language() {
        jdbc.sql("update payer set country = 'KZ' where id = ?").param(customer.company().value()).update();

        Invoice invoice = invoiceOf(invoiceTopUp(customer, customer.company(), "250.00"));

        assertThat(invoice.seller()).isEqualTo(configured.copyFor("USD"));
        assertThat(invoice.buyerCountry()).isEqualTo("KZ");
        assertThat(invoice.wordsLanguage()).isEqualTo("ru");
    }

    @Test
    void a_payer_without_a_country_is_invoiced_to_the_accounts_country() {
        Customer uzbek = data.newCustomer("USD", "OWNER", "UZ");
        TestData.signIn(uzbek.username());
        jdbc.sql("update payer set country = '' where id = ?").param(uzbek.company().value()).update();

        Invoice invoice = invoiceOf(invoiceTopUp(uzbek, uzbek.company(), "40.00"));

        assertThat(invoice.buyerCountry()).isEqualTo("UZ");
        assertThat(invoice.wordsLanguage()).isEqualTo("uz");
    }

    @Test
    void a_seller_configured_differently_after_issue_changes_neither_the_pdf_nor_the_page() throws Exception {
        jdbc.sql("update payer set country = 'KZ' where id = ?").param(customer.company().value()).update();
        PaymentId id = invoiceTopUp(customer, customer.company(), "250.00");
        var afterRestart = new PaymentDocuments(history, ledger, RECONFIGURED);

        String pdf = InvoicePdfTest.text(afterRestart.invoice(id).pdf());
        Invoice page = invoiceOf(id);

        assertThat(pdf).contains("Billfold Demo Hosting GmbH", "VAT id: DE123456789", "VAT 19 %",
                "Account: 000123456789", "Country: Kazakhstan (KZ)",
                "Всего к оплате: двести пятьдесят долларов США 00 центов", "two hundred fifty US dollars 00 cents");
        assertThat(pdf).doesNotContain("Renamed", "UBS", "CH93", "MWST");
        assertThat(flat(pdf)).as("the history page's fields are on the PDF").contains(
                flat(String.join("", Objects.requireNonNull(page.seller()).block())),
                flat(page.payTo(page.issuedAccount())), flat(page.bankDetails(page.issuedAccount())),
                flat(Objects.requireNonNull(page.buyerCountryName())));
    }

    @Test
    void every_copied_field_and_the_bank_account_read_back_as_they_were_written() {
        PaymentMethodId card = data.savedCard(customer, customer.person(), "4242", true);
        PaymentId id = ((TopUpOutcome.Completed) topUps.topUp(new TopUpRequest(customer.person(), "30", new MethodChoice
                .Saved(card), false, UUID.randomUUID().toString()))).paymentId();
        var kazakh = new BankAccount("Billfold KZ LLP", "Halyk Bank", "KZ86125KZT5004100100", null, "HSBKKZKX",
                "HSBKKZKX", "17", "859", List.of("USD", "KZT"));
        var seller = new SellerProperties("Seller LLP", "Abay 1, Almaty", "KZ", "BIN 123", "TAX 1", null,
                "billing@seller.test", "+7 727 1", 12.0, "НДС", null, List.of(kazakh));
        Instant at = Instant.parse("2026-12-01T09:30:00Z");
        var written = new Invoice(id, "INV-2099-" + UUID.randomUUID().toString().substring(0, 8), accountNumber(),
                "Free text", "Bank: free text", "Pat Person", null, "1 Test Street", "purpose", at, at,
                seller.copyFor("USD"), "KZ", "kk");
        invoices.insert(written);

        Invoice read = invoices.findByPayment(id).orElseThrow();

        assertThat(read).isEqualTo(written);
        assertThat(read.issuedAccount()).isEqualTo(kazakh.receiving("USD"));
    }

    @Test
    void an_invoice_issued_before_the_copy_prints_the_configured_seller_as_it_did() throws Exception {
        PaymentId id = invoiceTopUp(customer, customer.company(), "75.00");
        jdbc.sql("""
                        update invoice set seller_legal_name = null, seller_address = null, seller_country = null,
                          seller_tax_rate = null, seller_tax_name = null, buyer_country = null, words_language = null
                         where payment_id = ?""").param(id.value()).update();

        Invoice old = invoiceOf(id);
        String pdf = InvoicePdfTest.text(new PaymentDocuments(history, ledger, RECONFIGURED).invoice(id)
                .pdf());

        assertThat(old.seller()).isNull();
        assertThat(old.wordsLanguage()).isEqualTo("en");
        assertThat(pdf).contains("Renamed Hosting AG", "IBAN: CH93 0076 2011 6238 5295 7", "MWST 8.1 %")
                .doesNotContain("Country:", "Всего");
        assertThat(old.bankDetails(old.issuedAccount())).contains("Account: 000123456789");
    }

    private PaymentId invoiceTopUp(Customer who, PayerId payer, String amount) {
        return ((TopUpOutcome.Completed) topUps.topUp(new TopUpRequest(payer, amount, new MethodChoice.Invoice(),
                false, UUID.randomUUID().toString()))).paymentId();
    }

    private Invoice invoiceOf(PaymentId id) {
        return Objects.requireNonNull(history.details(id).invoice());
    }

    private String accountNumber() {
        return jdbc.sql("select account_number from account where id = ?").param(customer.accountId().value())
                .query(String.class).single();
    }
}
