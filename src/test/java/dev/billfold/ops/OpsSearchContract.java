package dev.billfold.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.staff.StaffRole;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The back office's search and account read, the same SQL on H2 and PostgreSQL. */
abstract class OpsSearchContract {

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OpsSearchQuery search;
    @Autowired
    OpsAccountQuery accounts;

    Customer customer;
    UUID paymentId;
    String reference;
    String invoice;

    @BeforeEach
    void aCustomerWithAnInvoice() {
        customer = data.newCustomer("USD");
        paymentId = UUID.randomUUID();
        reference = "cs_Search_" + UUID.randomUUID().toString().substring(0, 8);
        invoice = "INV-T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                        insert into payment (id, account_id, payer_id, amount_value, amount_currency, method_kind, provider,
                          provider_reference, idempotency_key, save_method, status, created_at, updated_at, version)
                        values (?, ?, ?, 25.00, 'USD', 'INVOICE', 'demo', ?, ?, false, 'WAITING_FOR_PAYMENT', ?, ?, 0)""")
                .params(paymentId, customer.accountId().value(), customer.company().value(), reference,
                        "search:" + paymentId, now, now)
                .update();
        jdbc.sql("""
                        insert into invoice (payment_id, number, recipient_name, recipient_bank_details, payer_name,
                          payer_tax_id, payer_address, purpose, issued_at, due_at)
                        values (?, ?, 'R', 'B', 'Pat Company Ltd', 'VAT-123', 'A', 'P', ?, ?)""")
                .params(paymentId, invoice, now, now.plusDays(10))
                .update();
        TestData.signIn(data.newStaffUser(), List.of(StaffRole.SUPPORT));
    }

    @AfterEach
    void signOut() {
        TestData.signOut();
    }

    @Test
    void finds_by_invoice_payment_id_and_provider_reference_prefix_ignoring_case() {
        assertThat(search.search(invoice.toLowerCase().substring(0, 10), 0).hits())
                .extracting(AccountHit::accountId, AccountHit::matchedBy)
                .containsExactly(Assertions.tuple(customer.accountId(), "Invoice"));
        assertThat(search.search(paymentId.toString().toUpperCase().substring(0, 13), 0).hits())
                .extracting(AccountHit::matchedBy).containsExactly("Payment id");
        assertThat(search.search(reference.toUpperCase(), 0).hits())
                .extracting(AccountHit::matched).containsExactly(reference);
    }

    @Test
    void the_account_page_reads_balance_payers_members_and_payments() {
        OpsAccount account = accounts.account(customer.accountId());

        assertThat(account.number()).hasSize(9);
        assertThat(account.balance().format()).isEqualTo("$0.00");
        assertThat(account.payers()).extracting(OpsAccount.Payer::name).contains("Pat Person", "Pat Company Ltd");
        assertThat(account.members()).extracting(OpsAccount.Member::role).containsExactly("OWNER");
        assertThat(account.payments()).extracting(OpsAccount.Payment::invoiceNumber).containsExactly(invoice);
    }

    @Test
    void empty_and_overlong_queries_are_refused_with_a_message() {
        Assertions.assertThatThrownBy(() -> search.search("  ", 0)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("Enter what to search for.");
        Assertions.assertThatThrownBy(() -> search.search("x".repeat(201), 0))
                .isInstanceOf(InvalidRequestException.class);
    }
}
