package dev.billfold.account;

import dev.billfold.base.InvalidRequestException;
import dev.billfold.security.AppUser;
import dev.billfold.security.CurrentUser;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether the current user may act on an account. Every service method that takes an id
 * resolves the owning account and asks here; hidden buttons are not security.
 */
@Component
public class AccountAccess {

    private static final Logger log = LoggerFactory.getLogger(AccountAccess.class);

    private final CurrentUser currentUser;
    private final AccountRepository accounts;
    private final PayerRepository payers;

    AccountAccess(CurrentUser currentUser, AccountRepository accounts, PayerRepository payers) {
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.payers = payers;
    }

    /** The account the current user works in. One per user until the account switcher arrives. */
    public AccountContext current() {
        AppUser user = currentUser.require();
        List<Account> memberOf = accounts.findByMember(user.id());
        if (memberOf.isEmpty()) {
            throw new InvalidRequestException("Your sign-in is not linked to a customer account yet. Contact support.");
        }
        Account account = memberOf.getFirst();
        Role role = accounts.findRole(account.id(), user.id()).orElseThrow();
        return new AccountContext(account.id(), account.name(), account.currency(), role, user.id());
    }

    /** The current user's context in the given account, if they are a member with a role that may do {@code action}. */
    public AccountContext require(AccountId accountId, Action action) {
        AppUser user = currentUser.require();
        Role role = accounts.findRole(accountId, user.id()).orElse(null);
        if (role == null || !action.allowedFor(role)) {
            log.warn("Access denied: user={} action={} account={}", user.id().value(), action, accountId.value());
            throw new InvalidRequestException("You do not have access to that account.");
        }
        Account account = accounts.findById(accountId).orElseThrow();
        return new AccountContext(account.id(), account.name(), account.currency(), role, user.id());
    }

    /** Resolves a payer id that came from outside, and checks that the current user may do {@code action} for it. */
    public Payer requirePayer(PayerId payerId, Action action) {
        AppUser user = currentUser.require();
        Payer payer = payers.findById(payerId).orElse(null);
        Role role = payer == null ? null : accounts.findRole(payer.accountId(), user.id()).orElse(null);
        if (payer == null || role == null || !action.allowedFor(role)) {
            log.warn("Access denied: user={} action={} payer={}", user.id().value(), action, payerId.value());
            throw new InvalidRequestException("payer", "That payer is not part of your account.");
        }
        if (payer.archived()) {
            throw new InvalidRequestException("payer", "That payer is archived and can no longer be used.");
        }
        return payer;
    }

    /**
     * Locks the account row until the caller's transaction ends, so that checks over several rows of one account
     * (daily limits) cannot be raced by a second request.
     */
    public void lockForUpdate(AccountId accountId) {
        accounts.findLockedById(accountId).orElseThrow();
    }

    /** What a caller wants to do, mapped to the roles that may do it. */
    public enum Action {
        VIEW, MOVE_MONEY, MANAGE_ACCOUNT;

        boolean allowedFor(Role role) {
            return switch (this) {
                case VIEW -> true;
                case MOVE_MONEY -> role.mayMoveMoney();
                case MANAGE_ACCOUNT -> role == Role.OWNER;
            };
        }
    }
}
