package dev.billfold.payment;

import dev.billfold.payment.SellerProperties.BankAccount;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Invoices are written once and never updated. */
@Repository
class InvoiceStore {

    private static final List<Object> NO_SELLER = Collections.nCopies(10, null);
    private static final List<Object> NO_ACCOUNT = Collections.nCopies(8, null);

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
        SellerProperties seller = invoice.seller();
        BankAccount account = invoice.issuedAccount();
        jdbc.sql("""
                        insert into invoice (payment_id, number, recipient_name, recipient_bank_details, payer_name,
                          payer_tax_id, payer_address, purpose, issued_at, due_at, seller_legal_name, seller_address,
                          seller_country, seller_registration_number, seller_tax_id, seller_vat_id, seller_email,
                          seller_phone, seller_tax_rate, seller_tax_name, bank_holder, bank_name, bank_iban,
                          bank_account_number, bank_bic, bank_bik, bank_kbe, bank_knp, buyer_country, words_language)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                          ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(invoice.paymentId().value(), invoice.number(), invoice.recipientName(),
                        invoice.recipientBankDetails(), invoice.payerName(), invoice.payerTaxId(),
                        invoice.payerAddress(), invoice.purpose(), utc(invoice.issuedAt()), utc(invoice.dueAt()))
                .params(seller == null ? NO_SELLER : Arrays.asList(seller.legalName(), seller.address(),
                        seller.country(), seller.registrationNumber(), seller.taxId(), seller.vatId(), seller.email(),
                        seller.phone(), seller.taxRate() == null ? null : BigDecimal.valueOf(seller.taxRate()),
                        seller.taxName()))
                .params(account == null ? NO_ACCOUNT : Arrays.asList(account.holder(), account.bankName(),
                        account.iban(), account.accountNumber(), account.bic(), account.bik(), account.kbe(),
                        account.knp()))
                .params(invoice.buyerCountry(), invoice.wordsLanguage())
                .update();
    }

    Optional<Invoice> findByPayment(PaymentId paymentId) {
        return jdbc.sql("""
                        select i.*, a.account_number, p.amount_currency from invoice i
                          join payment p on p.id = i.payment_id join account a on a.id = p.account_id
                         where i.payment_id = ?""")
                .param(paymentId.value())
                .query((rs, n) -> new Invoice(paymentId, rs.getString("number"), rs.getString("account_number"),
                        rs.getString("recipient_name"),
                        rs.getString("recipient_bank_details"), rs.getString("payer_name"),
                        rs.getString("payer_tax_id"), rs.getString("payer_address"), rs.getString("purpose"),
                        rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("due_at", OffsetDateTime.class).toInstant(), seller(rs),
                        rs.getString("buyer_country"),
                        Objects.requireNonNullElse(rs.getString("words_language"), AmountInWords.ENGLISH)))
                .optional();
    }

    /** The copy made at issue (V41), or none on an invoice issued before it. */
    private static @Nullable SellerProperties seller(ResultSet rs) throws SQLException {
        if (rs.getString("seller_legal_name") == null) {
            return null;
        }
        BigDecimal rate = rs.getBigDecimal("seller_tax_rate");
        List<BankAccount> accounts = rs.getString("bank_holder") == null ? List.of()
                : List.of(new BankAccount(rs.getString("bank_holder"), rs.getString("bank_name"),
                        rs.getString("bank_iban"), rs.getString("bank_account_number"), rs.getString("bank_bic"),
                        rs.getString("bank_bik"), rs.getString("bank_kbe"), rs.getString("bank_knp"),
                        List.of(rs.getString("amount_currency").strip())));
        return new SellerProperties(rs.getString("seller_legal_name"), rs.getString("seller_address"),
                rs.getString("seller_country").strip(), rs.getString("seller_registration_number"),
                rs.getString("seller_tax_id"), rs.getString("seller_vat_id"), rs.getString("seller_email"),
                rs.getString("seller_phone"), rate == null ? null : rate.doubleValue(),
                rs.getString("seller_tax_name"), null, accounts);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
