package dev.billfold.statement;

import dev.billfold.audit.AuditEvent;
import dev.billfold.audit.AuditTrail;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Texts;
import dev.billfold.payment.BankAccount;
import dev.billfold.payment.BankReceipt;
import dev.billfold.payment.BankTransfers;
import dev.billfold.payment.HeldPayments;
import dev.billfold.payment.ReceiptOutcome;
import dev.billfold.staff.StaffAccess;
import dev.billfold.staff.StaffMember;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unmatched-entries queue, oldest first, and its resolutions (Finance only): credit to an account chosen by its
 * number (a new bank-transfer payment through the bank payments' batch, under the entry's own cause, so it is
 * credited once whatever comes later, with a short reason the customer sees), returned to the sender with the bank's
 * reference, or rejected. The entry's row is locked first, so of two staff members resolving it at once one wins and
 * the other is told what happened.
 */
@Service
public class UnmatchedEntries {

    static final int NOTE_MAX = 1000;
    static final int REFERENCE_MAX = 140;

    private final StaffAccess staff;
    private final StatementStore store;
    private final BankTransfers bank;
    private final Clock clock;
    private final AuditTrail audit;

    UnmatchedEntries(StaffAccess staff, StatementStore store, BankTransfers bank, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.staff = staff;
        this.store = store;
        this.bank = bank;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public long waiting() {
        staff.require(StaffAccess.Action.READ, null);
        return store.countUnmatched();
    }

    @Transactional(readOnly = true)
    public List<EntryResult> queue(int offset, int limit) {
        staff.require(StaffAccess.Action.READ, null);
        return store.unmatched(Math.max(offset, 0), Math.clamp(limit, 1, 200));
    }

    @Transactional(readOnly = true)
    public EntryResult entry(StatementEntryId id) {
        staff.require(StaffAccess.Action.READ, id);
        return store.findEntry(id)
                .orElseThrow(() -> InvalidRequestException.keyed(null, "errors.statement.entry-not-found"));
    }

    /**
     * Credits the entry to the account with that number. {@code note} is for staff and the audit trail;
     * {@code customerReason} (required, at most {@link HeldPayments#CUSTOMER_REASON_MAX}) becomes the new payment's
     * reason in the customer's payment history, as a held payment's resolution does.
     */
    @Transactional
    public EntryResult creditToAccount(StatementEntryId id, String accountNumber, String note,
                                       String customerReason) {
        StaffMember member = staff.require(StaffAccess.Action.MOVE_MONEY, id);
        String text = requireNote(note);
        String reason = requireCustomerReason(customerReason);
        String number = accountNumber.strip();
        EntryResult entry = lockWaiting(id);
        BankAccount account = bank.findAccounts(List.of(number)).get(number);
        if (account == null) {
            throw InvalidRequestException.keyed("accountNumber", "errors.statement.no-account", clipped(number));
        }
        ReceiptOutcome outcome = bank.receive(List.of(new BankReceipt(
                entry.statementAccount() + ":" + entry.bankReference(), entry.amount(),
                entry.bookingDate() != null
                        ? entry.bookingDate()
                        : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                entry.debtorName(), entry.debtorTaxId(), entry.remittance(), entry.bankReference(),
                new BankReceipt.CreditAccount(account.accountId(), null, null, reason)))).getFirst();
        if (outcome.result() == ReceiptOutcome.Result.REFUSED) {
            // The crediting's own reason, where it gives one, as the payments feature words it.
            throw InvalidRequestException.keyed("accountNumber", "errors.statement.cannot-credit", number,
                    outcome.reason() == null ? new Texts.Message("errors.statement.no-active-payer")
                            : outcome.reason());
        }
        store.resolve(id, EntryResolution.CREDITED_TO_ACCOUNT, text, null, outcome.paymentId(), account.accountId(),
                member.userId(), member.displayName(), clock.instant());
        audit.record(AuditEvent.of("statement.unmatched-entry.credited",
                        "Credited " + entry.amount().format() + " received by bank transfer")
                .account(account.accountId()).subject(outcome.paymentId() != null ? outcome.paymentId() : id)
                .change("Unmatched bank entry " + entry.bankReference(), "Credited to account " + number)
                .note(text));
        return store.findEntry(id).orElseThrow();
    }

    @Transactional
    public EntryResult returnToSender(StatementEntryId id, String bankReference, String note) {
        StaffMember member = staff.require(StaffAccess.Action.MOVE_MONEY, id);
        String text = requireNote(note);
        String reference = bankReference.strip();
        if (reference.isEmpty() || reference.length() > REFERENCE_MAX) {
            throw InvalidRequestException.keyed("bankReference", "errors.statement.bank-reference", REFERENCE_MAX);
        }
        EntryResult entry = lockWaiting(id);
        store.resolve(id, EntryResolution.RETURNED, text, reference, null, null, member.userId(),
                member.displayName(), clock.instant());
        audit.record(AuditEvent.of("statement.unmatched-entry.returned", "Unmatched bank entry "
                        + entry.bankReference() + " of " + entry.amount().format() + " returned to the sender")
                .subject(id).change("Unmatched", "Returned, bank reference " + reference).note(text).staffOnly());
        return store.findEntry(id).orElseThrow();
    }

    @Transactional
    public EntryResult reject(StatementEntryId id, String note) {
        StaffMember member = staff.require(StaffAccess.Action.MOVE_MONEY, id);
        String text = requireNote(note);
        EntryResult entry = lockWaiting(id);
        store.resolve(id, EntryResolution.REJECTED, text, null, null, null, member.userId(), member.displayName(),
                clock.instant());
        audit.record(AuditEvent.of("statement.unmatched-entry.rejected", "Unmatched bank entry "
                        + entry.bankReference() + " of " + entry.amount().format() + " rejected")
                .subject(id).change("Unmatched", "Rejected").note(text).staffOnly());
        return store.findEntry(id).orElseThrow();
    }

    private EntryResult lockWaiting(StatementEntryId id) {
        EntryResult entry = store.lockEntry(id)
                .orElseThrow(() -> InvalidRequestException.keyed(null, "errors.statement.entry-not-found"));
        if (entry.resolution() != null) {
            throw new EntryAlreadyResolvedException(entry);
        }
        if (entry.outcome() != EntryOutcome.UNMATCHED) {
            throw new InvalidRequestException("This entry is " + entry.outcome().label().toLowerCase()
                    + ", not unmatched: nothing to resolve here.");
        }
        return entry;
    }

    private static String requireNote(@Nullable String note) {
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw InvalidRequestException.keyed("note", "errors.statement.note-empty");
        }
        if (text.length() > NOTE_MAX) {
            throw InvalidRequestException.keyed("note", "errors.statement.note-too-long", String.valueOf(NOTE_MAX));
        }
        return text;
    }

    private static String requireCustomerReason(@Nullable String reason) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw InvalidRequestException.keyed("customerReason", "errors.customer-reason.empty");
        }
        if (text.length() > HeldPayments.CUSTOMER_REASON_MAX) {
            throw InvalidRequestException.keyed("customerReason", "errors.customer-reason.too-long",
                    HeldPayments.CUSTOMER_REASON_MAX);
        }
        return text;
    }

    private static String clipped(String text) {
        return CamtReader.clip(text, 20);
    }

}
