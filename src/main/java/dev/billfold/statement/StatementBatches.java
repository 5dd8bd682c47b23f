package dev.billfold.statement;

import dev.billfold.audit.AuditEvent;
import dev.billfold.audit.AuditTrail;
import dev.billfold.base.Money;
import dev.billfold.document.PowersOfAttorney;
import dev.billfold.payment.BankAccount;
import dev.billfold.payment.BankInvoice;
import dev.billfold.payment.BankReceipt;
import dev.billfold.payment.BankTransfers;
import dev.billfold.payment.ReceiptOutcome;
import dev.billfold.staff.StaffMember;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One transaction per batch of entries: claim them, look up what their purposes name, decide, hand the receipts to
 * the bank payments' batch, and write every entry with its result. A batch that fails leaves its entries unclaimed,
 * so importing the file again applies them.
 */
@Component
class StatementBatches {

    private final StatementStore store;
    private final BankTransfers bank;
    private final PowersOfAttorney attorneys;
    private final Clock clock;
    private final AuditTrail audit;

    StatementBatches(StatementStore store, BankTransfers bank, PowersOfAttorney attorneys, Clock clock,
                     AuditTrail audit) {
        this.audit = audit;
        this.store = store;
        this.bank = bank;
        this.attorneys = attorneys;
        this.clock = clock;
    }

    @Transactional
    StatementImportId start(String fileName, StatementFormat format, long size, StaffMember staff) {
        StatementImportId id = StatementImportId.random();
        store.insertImport(id, fileName, format, size, staff.userId(), staff.displayName(), clock.instant());
        return id;
    }

    @Transactional
    void finish(StatementImportId id) {
        store.finishImport(id, clock.instant());
        ImportSummary s = store.findImport(id).orElseThrow();
        audit.record(AuditEvent.of("statement.import.done", "Bank statement " + CamtReader.clip(s.fileName(), 100)
                        + " imported").subject(id)
                .change(null, "%d entries: %d credited, %d held, %d unmatched, %d duplicates, %d ignored".formatted(
                        s.entries(), s.credited(), s.held(), s.unmatched(), s.duplicates(), s.ignored()))
                .staffOnly());
    }

    @Transactional
    void apply(StatementImportId importId, List<StatementEntry> entries) {
        Instant now = clock.instant();
        List<StatementEntryId> ids = entries.stream().map(e -> StatementEntryId.random()).toList();
        List<Map.Entry<String, UUID>> claims = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            claims.add(new AbstractMap.SimpleEntry<>(entries.get(i).claimKey(), ids.get(i).value()));
        }
        Map<String, UUID> taken = store.claim(claims, now);

        Set<String> invoiceNumbers = new LinkedHashSet<>();
        Set<String> accountNumbers = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            StatementEntry entry = entries.get(i);
            if (!taken.containsKey(ids.get(i).value().toString()) && entry.credit() && entry.booked()) {
                invoiceNumbers.addAll(EntryMatcher.invoiceNumbers(entry));
                accountNumbers.addAll(EntryMatcher.accountNumbers(entry));
            }
        }
        Map<String, BankInvoice> invoices = invoiceNumbers.isEmpty() ? Map.of() : bank.findInvoices(invoiceNumbers);
        Map<String, BankAccount> accounts = accountNumbers.isEmpty() ? Map.of() : bank.findAccounts(accountNumbers);
        EntryMatcher.Lookups lookups = new EntryMatcher.Lookups(invoices, accounts);

        // Decided once to learn which powers of attorney matter, asked in bulk per date, then decided for good.
        Map<LocalDate, Set<PowersOfAttorney.Candidate>> asked = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            StatementEntry entry = entries.get(i);
            if (!taken.containsKey(ids.get(i).value().toString())) {
                EntryMatcher.decide(entry, lookups, candidate -> {
                    asked.computeIfAbsent(dateOf(entry, now), d -> new LinkedHashSet<>()).add(candidate);
                    return false;
                });
            }
        }
        Map<LocalDate, Set<PowersOfAttorney.Candidate>> valid = new HashMap<>();
        asked.forEach((date, candidates) -> valid.put(date, new HashSet<>(attorneys.validAmong(candidates, date))));

        List<StatementStore.Row> rows = new ArrayList<>(entries.size());
        List<BankReceipt> receipts = new ArrayList<>();
        List<Integer> receiptRows = new ArrayList<>();
        List<EntryMatcher.Decision.Receipt> receiptDecisions = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            StatementEntry entry = entries.get(i);
            StatementEntryId id = ids.get(i);
            if (taken.containsKey(id.value().toString())) {
                rows.add(new StatementStore.Row(id, entry, EntryOutcome.DUPLICATE,
                        "Imported before: the account's statement had this bank reference already.", null, null));
                continue;
            }
            LocalDate date = dateOf(entry, now);
            EntryMatcher.Decision decision = EntryMatcher.decide(entry, lookups,
                    candidate -> valid.getOrDefault(date, Set.of()).contains(candidate));
            switch (decision) {
                case EntryMatcher.Decision.Local local ->
                        rows.add(new StatementStore.Row(id, entry, local.outcome(), local.detail(), null, null));
                case EntryMatcher.Decision.Receipt receipt -> {
                    receiptRows.add(rows.size());
                    receiptDecisions.add(receipt);
                    receipts.add(new BankReceipt(entry.claimKey(), entry.amount(), date, entry.debtorName(),
                            entry.debtorTaxId(), entry.remittance(), entry.bankReference(), receipt.decision()));
                    rows.add(null);
                }
            }
        }
        if (!receipts.isEmpty()) {
            List<ReceiptOutcome> outcomes = bank.receive(receipts);
            for (int r = 0; r < receipts.size(); r++) {
                int at = receiptRows.get(r);
                StatementEntry entry = entries.get(at);
                rows.set(at, row(ids.get(at), entry, receiptDecisions.get(r), outcomes.get(r)));
            }
        }
        store.insertEntries(importId, rows, now);
        Map<EntryOutcome, Integer> counts = new EnumMap<>(EntryOutcome.class);
        Map<String, CurrencyTotal> totals = new LinkedHashMap<>();
        for (StatementStore.Row row : rows) {
            counts.merge(row.outcome(), 1, Integer::sum);
            Money amount = row.entry().amount();
            totals.merge(row.outcome() + ":" + amount.currencyCode(), new CurrencyTotal(row.outcome(), amount, 1),
                    (a, b) -> new CurrencyTotal(a.outcome(), a.amount().plus(b.amount()), a.entries() + b.entries()));
        }
        store.addCounts(importId, counts);
        store.addTotals(importId, totals.values());
    }

    private static StatementStore.Row row(StatementEntryId id, StatementEntry entry,
                                          EntryMatcher.Decision.Receipt decision, ReceiptOutcome outcome) {
        return switch (outcome.result()) {
            case CREDITED -> new StatementStore.Row(id, entry, EntryOutcome.CREDITED, decision.detail(),
                    outcome.paymentId(), outcome.accountId());
            case HELD -> new StatementStore.Row(id, entry, EntryOutcome.HELD,
                    outcome.reason() == null ? decision.detail() : "Held: " + outcome.reason(), outcome.paymentId(),
                    outcome.accountId());
            case DUPLICATE -> new StatementStore.Row(id, entry, EntryOutcome.DUPLICATE,
                    "Received before: nothing changed.", outcome.paymentId(), outcome.accountId());
            case REFUSED -> new StatementStore.Row(id, entry, EntryOutcome.UNMATCHED,
                    "Could not be applied: " + (outcome.reason() == null ? decision.detail() : outcome.reason()),
                    null, null);
        };
    }

    private static LocalDate dateOf(StatementEntry entry, Instant now) {
        return entry.bookingDate() != null ? entry.bookingDate() : LocalDate.ofInstant(now, ZoneOffset.UTC);
    }
}
