package dev.billfold.payment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Invoices are written once and never updated. */
@Repository
class InvoiceStore {

    private final JdbcClient jdbc;

    InvoiceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long nextNumber() {
        return jdbc.sql("select nextval('invoice_number_seq')").query(Long.class).single();
    }

    void insert(Invoice invoice) {
        jdbc.sql("""
                        insert into invoice (payment_id, number, recipient_name, recipient_bank_details, payer_name,
                          payer_tax_id, payer_address, purpose, issued_at, due_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(invoice.paymentId().value(), invoice.number(), invoice.recipientName(),
                        invoice.recipientBankDetails(), invoice.payerName(), invoice.payerTaxId(),
                        invoice.payerAddress(), invoice.purpose(), utc(invoice.issuedAt()), utc(invoice.dueAt()))
                .update();
    }

    Optional<Invoice> findByPayment(PaymentId paymentId) {
        return jdbc.sql("""
                        select i.*, a.account_number from invoice i
                          join payment p on p.id = i.payment_id join account a on a.id = p.account_id
                         where i.payment_id = ?""")
                .param(paymentId.value())
                .query((rs, n) -> new Invoice(paymentId, rs.getString("number"), rs.getString("account_number"),
                        rs.getString("recipient_name"),
                        rs.getString("recipient_bank_details"), rs.getString("payer_name"),
                        rs.getString("payer_tax_id"), rs.getString("payer_address"), rs.getString("purpose"),
                        rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("due_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
