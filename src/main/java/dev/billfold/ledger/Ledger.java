package dev.billfold.ledger;

import dev.billfold.account.AccountAccess;
import dev.billfold.account.AccountContext;
import dev.billfold.account.AccountId;
import dev.billfold.base.InternalCall;
import dev.billfold.base.Money;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The balance and its entries. Posting is for other features' services, inside the transaction that changes the
 * state of whatever caused the entry; the UI only reads.
 */
@Service
public class Ledger {

    private final LedgerEntryStore entries;
    private final AccountAccess access;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Ledger(LedgerEntryStore entries, AccountAccess access, Clock clock, ApplicationEventPublisher events) {
        this.entries = entries;
        this.access = access;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Writes one entry and moves the cached balance with it. Must run inside the caller's transaction, so that the
     * entry and the caller's state change commit or roll back together. A second posting for the same cause fails
     * on the unique key and rolls the whole transaction back.
     */
    @InternalCall("posted by other features' services inside the transaction that settles the cause; "
            + "webhooks have no user")
    @Transactional(propagation = Propagation.MANDATORY)
    public void post(AccountId accountId, Money amount, LedgerEntryKind kind, String reference) {
        entries.append(new LedgerEntry(LedgerEntryId.random(), accountId, amount, kind, reference, clock.instant()));
        // A charge never takes a balance below zero, whatever its caller checked; only money the payer took back may
        // (DD-069).
        boolean neverBelowZero = kind == LedgerEntryKind.CHARGE;
        if (entries.addToBalance(accountId, amount, neverBelowZero) != 1) {
            throw new IllegalStateException("Account " + accountId.value() + " has no balance in "
                    + amount.currencyCode() + (neverBelowZero ? " that covers " + amount.negate() : ""));
        }
        events.publishEvent(new BalancesMoved(List.of(new BalancesMoved.Move(accountId, amount, kind, reference))));
    }

    /**
     * Writes many entries with batched statements and moves each account's cached balance once, in account order (so
     * two batches never wait for each other's balance rows in opposite orders). Same guarantees as {@link #post}:
     * inside the caller's transaction, and a cause posted before (or twice here) fails on the unique key and rolls
     * the whole transaction back.
     */
    @InternalCall("posted by the bank-receipt batch inside the transaction that settles its payments")
    @Transactional(propagation = Propagation.MANDATORY)
    public void postAll(List<Posting> postings) {
        if (postings.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<LedgerEntry> batch = postings.stream().map(posting -> new LedgerEntry(LedgerEntryId.random(),
                posting.accountId(), posting.amount(), posting.kind(), posting.reference(), now)).toList();
        entries.appendAll(batch);
        Map<AccountId, Money> deltas = new TreeMap<>(Comparator.comparing(AccountId::value));
        for (Posting posting : postings) {
            deltas.merge(posting.accountId(), posting.amount(), Money::plus);
        }
        List<Map.Entry<AccountId, Money>> moves = List.copyOf(deltas.entrySet());
        int[] changed = entries.addToBalances(moves);
        for (int i = 0; i < changed.length; i++) {
            if (changed[i] != 1) {
                throw new IllegalStateException("Account " + moves.get(i).getKey().value() + " has no balance in "
                        + moves.get(i).getValue().currencyCode());
            }
        }
        Map<AccountId, BalancesMoved.Move> moved = new LinkedHashMap<>();
        for (Posting posting : postings) {
            moved.putIfAbsent(posting.accountId(), new BalancesMoved.Move(posting.accountId(),
                    deltas.get(posting.accountId()), posting.kind(), posting.reference()));
        }
        events.publishEvent(new BalancesMoved(List.copyOf(moved.values())));
    }

    /** One entry for {@link #postAll}. */
    public record Posting(AccountId accountId, Money amount, LedgerEntryKind kind, String reference) {
    }

    /**
     * The balance with its row locked until the caller's transaction ends, so that a charge checked against it cannot
     * be raced by another debit. For services that have already checked access (or act for the account, like the
     * auto-renewal job); no access check here.
     */
    @InternalCall("locks the balance row inside the caller's transaction (renewals, the auto-renewal job); "
            + "the caller checked access")
    @Transactional(propagation = Propagation.MANDATORY)
    public Money lockBalance(AccountId accountId) {
        return entries.lockedBalance(accountId).orElseThrow(() ->
                new IllegalStateException("Account " + accountId.value() + " has no balance"));
    }

    /**
     * Accounts whose balance has been below zero since before {@code before}, longest first: for the job that
     * suspends their services after the grace period (DD-069).
     */
    @InternalCall("read by the negative-balance job, which acts for the accounts")
    @Transactional(readOnly = true)
    public List<AccountId> negativeSince(Instant before, int limit) {
        return entries.negativeSince(before, limit);
    }

    /** Since when this account's balance is below zero; empty while it is zero or more. */
    @InternalCall("read by the auto-renewal job and the negative-balance job, which act for the account")
    @Transactional(readOnly = true)
    public Optional<Instant> negativeSince(AccountId accountId) {
        return entries.negativeSince(accountId);
    }

    /**
     * The current user's balance when it is below zero, with the newest entry that took money back (a refund or a
     * dispute), so that every page can say why.
     */
    @Transactional(readOnly = true)
    public Optional<NegativeBalance> currentNegativeBalance() {
        AccountContext account = access.current();
        Money balance = balanceOf(account);
        if (!balance.isNegative()) {
            return Optional.empty();
        }
        var cause = entries.latest(account.accountId(), List.of(LedgerEntryKind.REFUND, LedgerEntryKind.DISPUTE));
        return Optional.of(new NegativeBalance(account.accountId(), balance,
                cause.map(Map.Entry::getKey).orElse(null), cause.map(Map.Entry::getValue).orElse(null)));
    }

    /**
     * A balance below zero and the newest debit that took money back (null kind and reference when none did).
     *
     * @param causeReference the ledger cause of that debit ("refund:stripe:re_1"), for the feature that knows it
     */
    public record NegativeBalance(AccountId accountId, Money balance, @Nullable LedgerEntryKind causeKind,
                                  @Nullable String causeReference) {
    }

    /** When the entry for this cause was posted, if it was: e.g. the moment a payment was credited, for its receipt. */
    @InternalCall("read for a document whose payment the caller has already checked access to")
    @Transactional(readOnly = true)
    public Optional<Instant> postedAt(LedgerEntryKind kind, String reference) {
        return entries.createdAt(kind, reference);
    }

    /** The current user's balance in their current account. */
    @Transactional(readOnly = true)
    public Money currentBalance() {
        AccountContext account = access.current();
        return balanceOf(account);
    }

    @Transactional(readOnly = true)
    public Money balance(AccountId accountId) {
        return balanceOf(access.require(accountId, AccountAccess.Action.VIEW));
    }

    private Money balanceOf(AccountContext account) {
        return entries.cachedBalance(account.accountId()).orElseGet(() -> Money.zero(account.currency()));
    }

    /**
     * Whether the cached balance equals the sum of the entries. Internal: no access check, so not for callers outside.
     */
    @Transactional(readOnly = true)
    boolean isConsistent(AccountId accountId) {
        Money cached = entries.cachedBalance(accountId).orElseThrow();
        return cached.value().compareTo(entries.sumOfEntries(accountId)) == 0;
    }
}
