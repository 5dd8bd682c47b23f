package dev.billfold.statement;

import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.account.PayerId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The fixture files of src/test/resources/statements against a fresh customer: "Fixture Trading" (account) with the
 * company payer "Fixture Trading LLC" (tax id FX123456), nine waiting invoices of 100.00 USD and a power of attorney
 * for Jane Doe. Each run renames the files' invoice numbers (INV-FIX-), account number (100000308) and statement
 * accounts, so runs never share a claim or an invoice.
 */
final class StatementFixtures {

    static final String FIXTURE_ACCOUNT_NUMBER = "100000308";

    private final JdbcClient jdbc;
    final Customer customer;
    final String run;
    final String accountNumber;

    StatementFixtures(TestData data, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.customer = data.newCustomer("USD");
        this.run = UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
        this.accountNumber = jdbc.sql("select account_number from account where id = ?")
                .param(customer.accountId().value()).query(String.class).single();
        jdbc.sql("update account set name = 'Fixture Trading' where id = ?").param(customer.accountId().value())
                .update();
        jdbc.sql("update payer set legal_name = 'Fixture Trading LLC', tax_id = 'FX123456' where id = ?")
                .param(customer.company().value()).update();
        for (int i = 1; i <= 9; i++) {
            invoice(i, "100.00");
        }
        grant(customer.company(), "Jane Doe");
    }

    String invoiceNumber(int n) {
        return "INV-%s-%06d".formatted(run, n);
    }

    UUID invoice(int n, String amount) {
        UUID paymentId = UUID.randomUUID();
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                        insert into payment (id, account_id, payer_id, amount_value, amount_currency, method_kind,
                          idempotency_key, save_method, status, created_at, updated_at, version)
                        values (?, ?, ?, ?, 'USD', 'INVOICE', ?, false, 'WAITING_FOR_PAYMENT', ?, ?, 0)""")
                .params(paymentId, customer.accountId().value(), customer.company().value(),
                        new java.math.BigDecimal(amount), "stmt:" + paymentId, now, now)
                .update();
        jdbc.sql("""
                        insert into invoice (payment_id, number, recipient_name, recipient_bank_details, payer_name,
                          payer_tax_id, payer_address, purpose, issued_at, due_at)
                        values (?, ?, 'Billfold Test Hosting', 'Bank', 'Fixture Trading LLC', 'FX123456', 'A', ?, ?, ?)""")
                .params(paymentId, invoiceNumber(n), "Payment for Fixture Trading, under personal account number "
                        + accountNumber + ". Invoice " + invoiceNumber(n) + ".", now, now.plusDays(10))
                .update();
        return paymentId;
    }

    String status(int invoice) {
        return jdbc.sql("select p.status from payment p join invoice i on i.payment_id = p.id where i.number = ?")
                .param(invoiceNumber(invoice)).query(String.class).single();
    }

    String reason(int invoice) {
        return jdbc.sql("select p.status_reason from payment p join invoice i on i.payment_id = p.id where i.number = ?")
                .param(invoiceNumber(invoice)).query(String.class).single();
    }

    private void grant(PayerId payer, String name) {
        UUID file = UUID.randomUUID();
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                        insert into document_file (id, account_id, file_name, content_type, size_bytes, content,
                          uploaded_by, uploaded_at) values (?, ?, 'poa.pdf', 'application/pdf', 4, ?, ?, ?)""")
                .params(file, customer.accountId().value(), new byte[] {'%', 'P', 'D', 'F'},
                        customer.userId().value(), now)
                .update();
        jdbc.sql("""
                        insert into power_of_attorney (id, account_id, payer_id, individual_name, name_key, valid_from,
                          valid_to, file_id, status, uploaded_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, 'ACCEPTED', ?, 0)""")
                .params(UUID.randomUUID(), customer.accountId().value(), payer.value(), name,
                        name.replaceAll("\\s+", "").toLowerCase(Locale.ROOT), LocalDate.of(2026, 1, 1),
                        LocalDate.of(2027, 12, 31), file, now)
                .update();
    }

    /** The fixture as this run's customer would receive it from the bank. */
    InputStream file(String name) {
        try (InputStream in = StatementFixtures.class.getResourceAsStream("/statements/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("INV-FIX-", "INV-" + run + "-")
                    .replace(FIXTURE_ACCOUNT_NUMBER, accountNumber)
                    .replace("KZ86125KZT5004100100", "KZ86" + run + "STMT")
                    .replace("40702840900000012345", "407028" + run + "NTF");
            return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
