package dev.billfold.account;

import dev.billfold.audit.AuditEvent;
import dev.billfold.audit.AuditTrail;
import dev.billfold.base.InvalidRequestException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account's payers: add, edit, archive, choose the default (owners only), and each member's active payer.
 * Every change locks the account row first, so "exactly one default among active payers" and "never archive the last
 * one" hold when two owners act at once; the payer's version catches edits made on a stale copy (DD-017).
 */
@Service
public class PayerService {

    private static final Logger log = LoggerFactory.getLogger(PayerService.class);

    private final AccountAccess access;
    private final PayerRepository payers;
    private final ActivePayerStore activePayers;
    private final AuditTrail audit;

    PayerService(AccountAccess access, PayerRepository payers, ActivePayerStore activePayers, AuditTrail audit) {
        this.access = access;
        this.audit = audit;
        this.payers = payers;
        this.activePayers = activePayers;
    }

    /** Every payer of the current account: active ones first (the default leading), then the archived. */
    @Transactional(readOnly = true)
    public List<PayerDetails> all() {
        AccountContext account = access.current();
        return payers.findAllByAccount(account.accountId()).stream().map(PayerDetails::of).toList();
    }

    /** Whether the current user may add, edit, archive and choose the default payer. */
    @Transactional(readOnly = true)
    public boolean mayManage() {
        return AccountAccess.Action.MANAGE_ACCOUNT.allowedFor(access.current().role());
    }

    @Transactional
    public PayerDetails add(PayerDraft draft) {
        AccountContext account = requireOwner(access.current().accountId());
        PayerRules.Checked details = PayerRules.check(draft);
        access.lockForUpdate(account.accountId());
        boolean first = payers.findActiveByAccount(account.accountId()).stream().noneMatch(Payer::isDefault);
        Payer saved = payers.save(Payer.create(account.accountId(), details, first));
        audit.record(AuditEvent.of("account.payer.added", "Added the payer " + saved.legalName())
                .account(saved.accountId()).subject(saved.id()).change(null, summary(saved)));
        log.info("Payer {} added to account {} by user {}", saved.id().value(), account.accountId().value(),
                account.userId().value());
        return PayerDetails.of(saved);
    }

    /** Saves new details over the version the form showed; a newer version means someone else got there first. */
    @Transactional
    public PayerDetails update(PayerId payerId, long expectedVersion, PayerDraft draft) {
        Payer payer = lockedForChange(payerId, expectedVersion);
        PayerRules.Checked details = PayerRules.check(draft);
        Payer saved = payers.save(payer.withDetails(details));
        if (!summary(payer).equals(summary(saved))) {
            audit.record(AuditEvent.of("account.payer.changed", "Changed the payer " + saved.legalName())
                    .account(saved.accountId()).subject(saved.id()).change(summary(payer), summary(saved)));
        }
        return PayerDetails.of(saved);
    }

    /** Makes the payer the account's one default; the previous default stops being it. */
    @Transactional
    public PayerDetails makeDefault(PayerId payerId, long expectedVersion) {
        Payer payer = lockedForChange(payerId, expectedVersion);
        if (payer.isDefault()) {
            return PayerDetails.of(payer);
        }
        String previous = null;
        for (Payer other : payers.findActiveByAccount(payer.accountId())) {
            if (other.isDefault()) {
                payers.save(other.asDefault(false));
                previous = other.legalName();
            }
        }
        audit.record(AuditEvent.of("account.payer.default-changed", "Made " + payer.legalName() + " the default payer")
                .account(payer.accountId()).subject(payerId).change(previous, payer.legalName()));
        return PayerDetails.of(payers.save(payer.asDefault(true)));
    }

    /**
     * Archives a payer: it stays in history and issued invoices, but can no longer be chosen or charged. Archiving the
     * default needs {@code newDefault}, the active payer that takes over (DD-017); the last active payer stays.
     */
    @Transactional
    public void archive(PayerId payerId, long expectedVersion, @Nullable PayerId newDefault) {
        if (newDefault != null) {
            // every id from outside is checked before any rule, so a foreign one is refused and logged as such
            access.requirePayer(newDefault, AccountAccess.Action.VIEW);
        }
        Payer payer = lockedForChange(payerId, expectedVersion);
        List<Payer> active = payers.findActiveByAccount(payer.accountId());
        if (active.size() <= 1) {
            throw InvalidRequestException.keyed("payer", "errors.payer.only-active", payer.legalName());
        }
        Payer successor = null;
        if (payer.isDefault()) {
            if (newDefault == null) {
                throw InvalidRequestException.keyed("newDefault", "errors.payer.is-default", payer.legalName());
            }
            // an id that is not another active payer of this account is a tampered form: refused and logged
            successor = active.stream().filter(p -> p.id().equals(newDefault) && !p.id().equals(payerId)).findFirst()
                    .orElseThrow(() -> access.denied(AccountAccess.Action.MANAGE_ACCOUNT, newDefault,
                            InvalidRequestException.keyed("newDefault", "errors.payer.new-default-invalid")));
        }
        payers.save(payer.archive());
        if (successor != null) {
            payers.save(successor.asDefault(true));
        }
        audit.record(AuditEvent.of("account.payer.archived", "Archived the payer " + payer.legalName())
                .account(payer.accountId()).subject(payerId)
                .change(summary(payer),
                        successor == null ? "Archived" : "Archived; default: " + successor.legalName()));
        log.info("Payer {} archived", payerId.value());
    }

    /** A payer as the audit trail shows it before and after: what an invoice prints, in one short line. */
    static String summary(Payer payer) {
        return String.join(", ", Stream.of(payer.legalName(), payer.type().name().toLowerCase(),
                        payer.taxId() == null ? null : "tax id " + payer.taxId(), payer.address(), payer.country(),
                        payer.invoiceEmail())
                .filter(part -> part != null && !part.isBlank()).toList());
    }

    /**
     * The payer the current user works with: their last choice in this account, unless that payer was archived
     * since (then the account's default). Empty only for an account without active payers.
     */
    @Transactional(readOnly = true)
    public Optional<PayerSummary> active() {
        AccountContext account = access.current();
        List<Payer> active = payers.findActiveByAccount(account.accountId());
        Optional<PayerId> chosen = activePayers.find(account.userId(), account.accountId());
        return chosen.flatMap(id -> active.stream().filter(p -> p.id().equals(id)).findFirst())
                .or(() -> active.stream().findFirst())
                .map(PayerSummary::of);
    }

    /** The active payers of the current account, the default first: what the switcher offers. */
    @Transactional(readOnly = true)
    public List<PayerSummary> choosable() {
        return payers.findActiveByAccount(access.current().accountId()).stream().map(PayerSummary::of).toList();
    }

    /**
     * Remembers the current user's choice of payer. Any member may choose whom they look at; paying is checked later.
     */
    @Transactional
    public PayerSummary switchTo(PayerId payerId) {
        AccountContext account = access.current();
        Payer payer = access.requirePayer(payerId, AccountAccess.Action.VIEW);
        if (!payer.accountId().equals(account.accountId())) {
            throw InvalidRequestException.keyed("payer", "errors.payer.foreign");
        }
        activePayers.remember(account.userId(), account.accountId(), payer.id());
        return PayerSummary.of(payer);
    }

    private AccountContext requireOwner(AccountId accountId) {
        AccountContext account = access.require(accountId, AccountAccess.Action.VIEW);
        if (!AccountAccess.Action.MANAGE_ACCOUNT.allowedFor(account.role())) {
            // logged as every denial is, so that one search of the log finds them all
            throw access.denied(AccountAccess.Action.MANAGE_ACCOUNT, accountId,
                    InvalidRequestException.keyed(null, "errors.payer.owners-only"));
        }
        return account;
    }

    private Payer lockedForChange(PayerId payerId, long expectedVersion) {
        Payer checked = access.requirePayer(payerId, AccountAccess.Action.VIEW);
        requireOwner(checked.accountId());
        access.lockForUpdate(checked.accountId());
        Payer payer = payers.findById(payerId).orElseThrow();
        if (payer.archived()) {
            throw InvalidRequestException.keyed("payer", "errors.payer.archived");
        }
        if (payer.version() == null || payer.version() != expectedVersion) {
            throw InvalidRequestException.keyed("payer", "errors.payer.changed");
        }
        return payer;
    }
}
