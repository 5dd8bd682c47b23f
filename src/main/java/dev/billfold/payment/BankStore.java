package dev.billfold.payment;

import dev.billfold.account.AccountId;
import dev.billfold.account.PayerId;
import dev.billfold.account.PayerType;
import dev.billfold.base.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The bank side's tables (V19) and the reads statement matching and the held queue need, in chunked IN lists. */
@Repository
class BankStore {

    /** Rows per IN list and per JDBC batch. */
    static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    BankStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    record ReceiptRow(UUID id, String cause, Money amount, LocalDate bookingDate, @Nullable String debtorName,
                      @Nullable String debtorTaxId, @Nullable String remittance, String bankReference,
                      Instant receivedAt) {
    }

    /** A receipt as stored: the first one of its cause. */
    record StoredReceipt(UUID id, String cause, @Nullable PaymentId paymentId) {
    }

    /**
     * Inserts the receipts that are new; one whose cause exists is skipped, and one whose cause another transaction is
     * inserting waits for it (PostgreSQL) and is then skipped. In cause order, so two batches meet in the same order.
     */
    void claim(List<ReceiptRow> rows) {
        jdbcTemplate.batchUpdate("""
                        insert into bank_receipt (id, cause, amount_value, amount_currency, booking_date, debtor_name,
                          debtor_tax_id, remittance, bank_reference, outcome, received_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)
                        on conflict do nothing""", rows, CHUNK, (ps, row) -> {
                    ps.setObject(1, row.id());
                    ps.setString(2, row.cause());
                    ps.setBigDecimal(3, row.amount().value());
                    ps.setString(4, row.amount().currencyCode());
                    ps.setObject(5, row.bookingDate());
                    ps.setString(6, row.debtorName());
                    ps.setString(7, row.debtorTaxId());
                    ps.setString(8, row.remittance());
                    ps.setString(9, row.bankReference());
                    ps.setObject(10, row.receivedAt().atOffset(ZoneOffset.UTC));
                });
    }

    /** The stored receipt of each cause, by cause. */
    Map<String, StoredReceipt> receipts(Collection<String> causes) {
        Map<String, StoredReceipt> found = new HashMap<>();
        for (List<String> chunk : chunks(causes)) {
            jdbc.sql("select id, cause, payment_id from bank_receipt where cause in (:causes)").param("causes", chunk)
                    .query((rs, n) -> new StoredReceipt(rs.getObject("id", UUID.class), rs.getString("cause"),
                            paymentId(rs, "payment_id")))
                    .list().forEach(receipt -> found.put(receipt.cause(), receipt));
        }
        return found;
    }

    record Link(UUID receiptId, PaymentId paymentId, String outcome) {
    }

    void link(List<Link> links) {
        jdbcTemplate.batchUpdate("update bank_receipt set payment_id = ?, outcome = ? where id = ?", links, CHUNK,
                (ps, link) -> {
                    ps.setObject(1, link.paymentId().value());
                    ps.setString(2, link.outcome());
                    ps.setObject(3, link.receiptId());
                });
    }

    /** Receipts claimed in this transaction that could not be applied: their cause stays free. */
    void release(Collection<UUID> receiptIds) {
        for (List<UUID> chunk : chunks(receiptIds)) {
            jdbc.sql("delete from bank_receipt where id in (:ids)").param("ids", chunk).update();
        }
    }

    Map<String, BankInvoice> invoices(Collection<String> numbers) {
        Map<String, BankInvoice> found = new HashMap<>();
        for (List<String> chunk : chunks(numbers)) {
            jdbc.sql("""
                            select i.number, i.payer_name, i.payer_tax_id, p.id, p.account_id, p.payer_id,
                                   p.amount_value, p.amount_currency, p.status, a.account_number, a.name, pr.type
                              from invoice i
                              join payment p on p.id = i.payment_id
                              join account a on a.id = p.account_id
                              join payer pr on pr.id = p.payer_id
                             where i.number in (:numbers)""")
                    .param("numbers", chunk)
                    .query((rs, n) -> new BankInvoice(rs.getString("number"),
                            new PaymentId(rs.getObject("id", UUID.class)),
                            new AccountId(rs.getObject("account_id", UUID.class)), rs.getString("account_number"),
                            rs.getString("name"), new PayerId(rs.getObject("payer_id", UUID.class)),
                            rs.getString("payer_name"), rs.getString("payer_tax_id"),
                            PayerType.valueOf(rs.getString("type")), money(rs, "amount_value", "amount_currency"),
                            PaymentStatus.valueOf(rs.getString("status"))))
                    .list().forEach(invoice -> found.put(invoice.invoiceNumber(), invoice));
        }
        return found;
    }

    Optional<String> invoiceNumber(PaymentId paymentId) {
        return jdbc.sql("select number from invoice where payment_id = ?").param(paymentId.value())
                .query(String.class).optional();
    }

    Map<String, BankAccount> accountsByNumber(Collection<String> numbers) {
        return accounts("a.account_number", numbers);
    }

    Map<AccountId, BankAccount> accountsById(Collection<AccountId> ids) {
        Map<AccountId, BankAccount> found = new HashMap<>();
        accounts("a.id", ids.stream().map(AccountId::value).distinct().toList())
                .values().forEach(account -> found.put(account.accountId(), account));
        return found;
    }

    /** Accounts with their active payers, the default first. */
    private Map<String, BankAccount> accounts(String column, Collection<?> keys) {
        Map<UUID, List<BankAccount.Payer>> payers = new LinkedHashMap<>();
        Map<UUID, Object[]> heads = new LinkedHashMap<>();
        for (List<?> chunk : chunks(keys)) {
            jdbc.sql("""
                            select a.id, a.account_number, a.name, a.currency, pr.id as payer_id, pr.legal_name,
                                   pr.tax_id, pr.type, pr.is_default
                              from account a
                              left join payer pr on pr.account_id = a.id and pr.archived = false
                             where %s in (:keys)
                             order by a.id, pr.is_default desc, pr.legal_name, pr.id""".formatted(column))
                    .param("keys", chunk)
                    .query((ResultSet rs) -> {
                        UUID id = rs.getObject("id", UUID.class);
                        heads.putIfAbsent(id, new Object[] {rs.getString("account_number"), rs.getString("name"),
                                rs.getString("currency").trim()});
                        List<BankAccount.Payer> list = payers.computeIfAbsent(id, ignored -> new ArrayList<>());
                        UUID payer = rs.getObject("payer_id", UUID.class);
                        if (payer != null) {
                            list.add(new BankAccount.Payer(new PayerId(payer), rs.getString("legal_name"),
                                    rs.getString("tax_id"), PayerType.valueOf(rs.getString("type")),
                                    rs.getBoolean("is_default")));
                        }
                    });
        }
        Map<String, BankAccount> found = new HashMap<>();
        heads.forEach((id, head) -> {
            List<BankAccount.Payer> list = payers.get(id);
            PayerId defaultPayer = list.stream().filter(BankAccount.Payer::isDefault).findFirst()
                    .or(() -> list.stream().findFirst()).map(BankAccount.Payer::payerId).orElse(null);
            found.put((String) head[0], new BankAccount(new AccountId(id), (String) head[0], (String) head[1],
                    Currency.getInstance((String) head[2]), List.copyOf(list), defaultPayer));
        });
        return found;
    }

    // --- staff actions ---

    enum Action {
        CREDIT_RECEIVED("credited the amount received"),
        CREDIT_OTHER_ACCOUNT("credited it to another account"),
        RETURNED_TO_SENDER("recorded it as returned to the sender"),
        REJECT("rejected it"),
        CONDITIONAL_CREDIT("conditionally credited it"),
        REVERSAL("reversed the conditional credit");

        private final String words;

        Action(String words) {
            this.words = words;
        }

        String words() {
            return words;
        }
    }

    record StaffAction(PaymentId paymentId, Action action, String note, @Nullable String customerReason,
                       UUID staffUserId, String staffName, @Nullable String bankReference,
                       @Nullable PaymentId otherPaymentId, Instant at) {
    }

    void record(StaffAction action) {
        jdbc.sql("""
                        insert into payment_staff_action (id, payment_id, action, note, customer_reason, staff_user_id,
                          staff_name, bank_reference, other_payment_id, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), action.paymentId().value(), action.action().name(), action.note(),
                        action.customerReason(), action.staffUserId(), action.staffName(), action.bankReference(),
                        action.otherPaymentId() == null ? null : action.otherPaymentId().value(),
                        action.at().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** The staff actions on a payment, newest first. */
    List<StaffAction> actions(PaymentId paymentId) {
        return jdbc.sql("select * from payment_staff_action where payment_id = ? order by created_at desc")
                .param(paymentId.value())
                .query((rs, n) -> new StaffAction(paymentId, Action.valueOf(rs.getString("action")),
                        rs.getString("note"), rs.getString("customer_reason"),
                        rs.getObject("staff_user_id", UUID.class), rs.getString("staff_name"),
                        rs.getString("bank_reference"), paymentId(rs, "other_payment_id"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    // --- the held queue ---

    int heldCount() {
        return jdbc.sql("select count(*) from payment where status = 'WAITING_FOR_CLARIFICATION'")
                .query(Integer.class).single();
    }

    private static final String HELD = """
            select p.id, p.account_id, p.amount_value, p.amount_currency, p.method_kind, p.status_reason,
                   p.updated_at, a.account_number, a.name, pr.legal_name, i.number,
                   r.amount_value as received_value, r.amount_currency as received_currency, r.bank_reference,
                   r.debtor_name, r.remittance
              from payment p
              join account a on a.id = p.account_id
              join payer pr on pr.id = p.payer_id
              left join invoice i on i.payment_id = p.id
              left join bank_receipt r on r.payment_id = p.id
             where p.status = 'WAITING_FOR_CLARIFICATION'""";

    List<HeldPayment> held(int offset, int limit) {
        return jdbc.sql(HELD + " order by p.updated_at, p.id limit :limit offset :offset")
                .param("limit", limit).param("offset", offset).query(BankStore::held).list();
    }

    Optional<HeldPayment> held(PaymentId paymentId) {
        return jdbc.sql(HELD + " and p.id = :id").param("id", paymentId.value()).query(BankStore::held).optional();
    }

    /** What the receipt linked to this payment received, if a bank receipt is linked. */
    Optional<Money> received(PaymentId paymentId) {
        return jdbc.sql("select amount_value, amount_currency from bank_receipt where payment_id = ? "
                        + "order by received_at limit 1")
                .param(paymentId.value()).query((rs, n) -> money(rs, "amount_value", "amount_currency")).optional();
    }

    private static HeldPayment held(ResultSet rs, int row) throws SQLException {
        Money amount = money(rs, "amount_value", "amount_currency");
        Money received = rs.getBigDecimal("received_value") == null ? amount
                : money(rs, "received_value", "received_currency");
        String reason = rs.getString("status_reason");
        return new HeldPayment(new PaymentId(rs.getObject("id", UUID.class)),
                new AccountId(rs.getObject("account_id", UUID.class)), rs.getString("account_number"),
                rs.getString("name"), rs.getString("legal_name"), MethodKind.valueOf(rs.getString("method_kind")),
                amount, received, reason == null ? "No reason was recorded." : reason,
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("number"),
                rs.getString("bank_reference"), rs.getString("debtor_name"), rs.getString("remittance"));
    }

    private static @Nullable PaymentId paymentId(ResultSet rs, String column) throws SQLException {
        UUID id = rs.getObject(column, UUID.class);
        return id == null ? null : new PaymentId(id);
    }

    private static Money money(ResultSet rs, String value, String currency) throws SQLException {
        return Money.of(rs.getBigDecimal(value), Currency.getInstance(rs.getString(currency).trim()));
    }

    private static <T> List<List<T>> chunks(Collection<T> items) {
        List<T> all = List.copyOf(items);
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }
}
