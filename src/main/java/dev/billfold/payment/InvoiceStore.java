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

    /**
     * The next invoice number of {@code year}, without gaps (DD-095). Must run in the transaction that inserts the
     * invoice: the counter's row stays locked until it commits, so the next invoice waits for it, and a rollback
     * returns the number. A year's first invoice creates its counter after the highest number that year already has.
     */
    long nextNumber(int year) {
        if (increment(year) == 0) {
            long highest = jdbc.sql("select coalesce(max(cast(substring(number from 10) as bigint)), 0) from invoice "
                            + "where number like ?")
                    .param("INV-%d-%%".formatted(year)).query(Long.class).single();
            // Two nodes may both start the year: one row wins, both then take their numbers under its lock.
            jdbc.sql("insert into invoice_number_counter (invoice_year, last_number) values (?, ?) "
                            + "on conflict do nothing")
                    .params(year, highest).update();
            increment(year);
        }
        return jdbc.sql("select last_number from invoice_number_counter where invoice_year = ?").param(year)
                .query(Long.class).single();
    }

    private int increment(int year) {
        return jdbc.sql("update invoice_number_counter set last_number = last_number + 1 "
                + "where invoice_year = ?").param(year).update();
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
