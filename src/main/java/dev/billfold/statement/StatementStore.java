package dev.billfold.statement;

import dev.billfold.account.AccountId;
import dev.billfold.base.Money;
import dev.billfold.payment.PaymentId;
import dev.billfold.security.UserId;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Imports, their entries and the entries' claims. Entries and claims are written in JDBC batches. */
@Repository
class StatementStore {

    private static final int IN_LIST = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    StatementStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** An entry decided by an import, ready to be written. */
    record Row(StatementEntryId id, StatementEntry entry, EntryOutcome outcome, @Nullable String detail,
               @Nullable PaymentId paymentId, @Nullable AccountId accountId) {
    }

    void insertImport(StatementImportId id, String fileName, StatementFormat format, long size, UserId by,
                      String byName, Instant at) {
        jdbc.sql("""
                        insert into statement_import (id, file_name, format, file_size, status, imported_by,
                          imported_by_name, started_at, entries, credited, held, unmatched, duplicates, ignored)
                        values (?, ?, ?, ?, 'IMPORTING', ?, ?, ?, 0, 0, 0, 0, 0, 0)""")
                .params(id.value(), fileName, format.label(), size, by.value(), byName, utc(at)).update();
    }

    void addCounts(StatementImportId id, Map<EntryOutcome, Integer> counts) {
        jdbc.sql("""
                        update statement_import set entries = entries + ?, credited = credited + ?, held = held + ?,
                          unmatched = unmatched + ?, duplicates = duplicates + ?, ignored = ignored + ?
                        where id = ?""")
                .params(counts.values().stream().mapToInt(Integer::intValue).sum(),
                        counts.getOrDefault(EntryOutcome.CREDITED, 0), counts.getOrDefault(EntryOutcome.HELD, 0),
                        counts.getOrDefault(EntryOutcome.UNMATCHED, 0), counts.getOrDefault(EntryOutcome.DUPLICATE, 0),
                        counts.getOrDefault(EntryOutcome.IGNORED, 0), id.value())
                .update();
    }

    /** Adds a batch's sums to the import's totals (a handful of rows: one per result and currency). */
    void addTotals(StatementImportId id, Collection<CurrencyTotal> totals) {
        for (CurrencyTotal total : totals) {
            int updated = jdbc.sql("""
                            update statement_import_total set amount_value = amount_value + ?, entries = entries + ?
                            where import_id = ? and outcome = ? and currency = ?""")
                    .params(total.amount().value(), total.entries(), id.value(), total.outcome().name(),
                            total.amount().currencyCode())
                    .update();
            if (updated == 0) {
                jdbc.sql("""
                                insert into statement_import_total (import_id, outcome, currency, amount_value, entries)
                                values (?, ?, ?, ?, ?)""")
                        .params(id.value(), total.outcome().name(), total.amount().currencyCode(),
                                total.amount().value(), total.entries())
                        .update();
            }
        }
    }

    void finishImport(StatementImportId id, Instant at) {
        jdbc.sql("update statement_import set status = 'DONE', finished_at = ? where id = ?")
                .params(utc(at), id.value()).update();
    }

    /**
     * Claims the entries' keys for the given entry ids. Returns, for each key already held by another entry (claimed
     * before, or twice in this batch), that entry's id. A concurrent import of the same key waits for this
     * transaction and then finds it claimed. Keys are inserted in key order (a stable sort, so a key twice in a file
     * goes to its first entry): two imports of overlapping statements then wait for each other in one order and
     * never deadlock, whatever order their files list the shared entries in.
     */
    Map<String, UUID> claim(List<Map.Entry<String, UUID>> claims, Instant at) {
        Timestamp now = Timestamp.from(at);
        List<Map.Entry<String, UUID>> ordered = claims.stream().sorted(Map.Entry.comparingByKey()).toList();
        template.batchUpdate("insert into statement_entry_claim (claim_key, entry_id, claimed_at) values (?, ?, ?)"
                        + " on conflict do nothing", ordered, 500,
                (ps, claim) -> {
                    ps.setString(1, claim.getKey());
                    ps.setObject(2, claim.getValue());
                    ps.setTimestamp(3, now);
                });
        Map<String, UUID> holders = new HashMap<>();
        List<String> keys = claims.stream().map(Map.Entry::getKey).distinct().toList();
        for (int from = 0; from < keys.size(); from += IN_LIST) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + IN_LIST));
            jdbc.sql("select claim_key, entry_id from statement_entry_claim where claim_key in (:keys)")
                    .param("keys", chunk)
                    .query((rs, n) -> holders.put(rs.getString(1), rs.getObject(2, UUID.class)))
                    .list();
        }
        Map<String, UUID> taken = new HashMap<>();
        for (Map.Entry<String, UUID> claim : claims) {
            UUID holder = holders.get(claim.getKey());
            if (holder != null && !holder.equals(claim.getValue())) {
                taken.put(claim.getValue().toString(), holder);
            }
        }
        return taken;
    }

    void insertEntries(StatementImportId importId, List<Row> rows, Instant at) {
        Timestamp now = Timestamp.from(at);
        template.batchUpdate("""
                        insert into statement_entry (id, import_id, position, statement_account, bank_reference,
                          amount_value, amount_currency, credit, booked, booking_date, debtor_name, debtor_tax_id,
                          remittance, outcome, detail, payment_id, account_id, recorded_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", rows, 500,
                (ps, row) -> {
                    StatementEntry e = row.entry();
                    ps.setObject(1, row.id().value());
                    ps.setObject(2, importId.value());
                    ps.setInt(3, e.position());
                    ps.setString(4, e.statementAccount());
                    ps.setString(5, e.bankReference());
                    ps.setBigDecimal(6, e.amount().value());
                    ps.setString(7, e.amount().currencyCode());
                    ps.setBoolean(8, e.credit());
                    ps.setBoolean(9, e.booked());
                    if (e.bookingDate() == null) {
                        ps.setNull(10, Types.DATE);
                    } else {
                        ps.setDate(10, Date.valueOf(e.bookingDate()));
                    }
                    ps.setString(11, e.debtorName());
                    ps.setString(12, e.debtorTaxId());
                    ps.setString(13, e.remittance());
                    ps.setString(14, row.outcome().name());
                    ps.setString(15, row.detail() == null ? null : CamtReader.clip(row.detail(), 500));
                    ps.setObject(16, row.paymentId() == null ? null : row.paymentId().value());
                    ps.setObject(17, row.accountId() == null ? null : row.accountId().value());
                    ps.setTimestamp(18, now);
                });
    }

    Optional<ImportSummary> findImport(StatementImportId id) {
        return jdbc.sql("select * from statement_import where id = ?").param(id.value())
                .query((rs, n) -> summary(rs, totals(id))).optional();
    }

    List<ImportSummary> imports(int offset, int limit) {
        return jdbc.sql("select * from statement_import order by started_at desc, id "
                        + "offset ? rows fetch next ? rows only")
                .params(offset, limit)
                .query((rs, n) -> summary(rs, List.of())).list();
    }

    int countImports() {
        return jdbc.sql("select count(*) from statement_import").query(Integer.class).single();
    }

    private List<CurrencyTotal> totals(StatementImportId id) {
        return jdbc.sql("""
                        select outcome, currency, amount_value, entries from statement_import_total
                        where import_id = ? order by outcome, currency""")
                .param(id.value())
                .query((rs, n) -> new CurrencyTotal(EntryOutcome.valueOf(rs.getString(1)),
                        new Money(rs.getBigDecimal(3), Currency.getInstance(rs.getString(2))), rs.getInt(4)))
                .list();
    }

    List<EntryResult> entries(StatementImportId id, int offset, int limit) {
        return jdbc.sql("select * from statement_entry where import_id = ? order by position, id"
                        + " offset ? rows fetch next ? rows only")
                .params(id.value(), offset, limit).query((rs, n) -> entry(rs)).list();
    }

    List<EntryResult> unmatched(int offset, int limit) {
        return jdbc.sql("select * from statement_entry where outcome = 'UNMATCHED' and resolution is null"
                        + " order by recorded_at, position, id offset ? rows fetch next ? rows only")
                .params(offset, limit).query((rs, n) -> entry(rs)).list();
    }

    long countUnmatched() {
        return jdbc.sql("select count(*) from statement_entry where outcome = 'UNMATCHED' and resolution is null")
                .query(Long.class).single();
    }

    Optional<EntryResult> findEntry(StatementEntryId id) {
        return jdbc.sql("select * from statement_entry where id = ?").param(id.value())
                .query((rs, n) -> entry(rs)).optional();
    }

    /** The entry, locked until the transaction ends: resolutions of one entry queue up here. */
    Optional<EntryResult> lockEntry(StatementEntryId id) {
        return jdbc.sql("select * from statement_entry where id = ? for update").param(id.value())
                .query((rs, n) -> entry(rs)).optional();
    }

    void resolve(StatementEntryId id, EntryResolution resolution, String note, @Nullable String returnedReference,
                 @Nullable PaymentId paymentId, @Nullable AccountId accountId, UserId by, String byName, Instant at) {
        jdbc.sql("""
                        update statement_entry set resolution = ?, resolution_note = ?, returned_reference = ?,
                          payment_id = coalesce(?, payment_id), account_id = coalesce(?, account_id), resolved_by = ?,
                          resolved_by_name = ?, resolved_at = ?, version = version + 1
                        where id = ? and resolution is null""")
                .params(resolution.name(), note, returnedReference, paymentId == null ? null : paymentId.value(),
                        accountId == null ? null : accountId.value(), by.value(), byName, utc(at), id.value())
                .update();
    }

    private static ImportSummary summary(ResultSet rs, List<CurrencyTotal> totals) throws SQLException {
        OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
        return new ImportSummary(new StatementImportId(rs.getObject("id", UUID.class)), rs.getString("file_name"),
                rs.getString("format"), rs.getLong("file_size"), ImportSummary.Status.valueOf(rs.getString("status")),
                rs.getString("imported_by_name"), rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                finished == null ? null : finished.toInstant(), rs.getInt("entries"), rs.getInt("credited"),
                rs.getInt("held"), rs.getInt("unmatched"), rs.getInt("duplicates"), rs.getInt("ignored"), totals);
    }

    private static EntryResult entry(ResultSet rs) throws SQLException {
        UUID payment = rs.getObject("payment_id", UUID.class);
        UUID account = rs.getObject("account_id", UUID.class);
        String resolution = rs.getString("resolution");
        OffsetDateTime resolvedAt = rs.getObject("resolved_at", OffsetDateTime.class);
        LocalDate booking = rs.getObject("booking_date", LocalDate.class);
        return new EntryResult(new StatementEntryId(rs.getObject("id", UUID.class)),
                new StatementImportId(rs.getObject("import_id", UUID.class)), rs.getInt("position"),
                rs.getString("statement_account"), rs.getString("bank_reference"),
                new Money(rs.getBigDecimal("amount_value"), Currency.getInstance(rs.getString("amount_currency"))),
                rs.getBoolean("credit"), rs.getBoolean("booked"), booking, rs.getString("debtor_name"),
                rs.getString("debtor_tax_id"), rs.getString("remittance"),
                EntryOutcome.valueOf(rs.getString("outcome")),
                rs.getString("detail"), payment == null ? null : new PaymentId(payment),
                account == null ? null : new AccountId(account),
                resolution == null ? null : EntryResolution.valueOf(resolution), rs.getString("resolution_note"),
                rs.getString("returned_reference"), rs.getString("resolved_by_name"),
                resolvedAt == null ? null : resolvedAt.toInstant(),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getInt("version"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            chunks.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return chunks;
    }
}
