package dev.billfold.account;

import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.TypedId;
import dev.billfold.security.AppUser;
import dev.billfold.security.CurrentUser;
import java.util.List;
import org.jspecify.annotations.Nullable;
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
    private final RequestMemberships memberships;
    private final AccountRepository accounts;
    private final PayerRepository payers;

    AccountAccess(CurrentUser currentUser, RequestMemberships memberships, AccountRepository accounts,
                  PayerRepository payers) {
        this.currentUser = currentUser;
        this.memberships = memberships;
        this.accounts = accounts;
        this.payers = payers;
    }

    /**
     * The account the current user works in: the one they chose last in the switcher. Read from the memberships once
     * per request (and again after a membership write), so a membership removed before this request can never be
     * used; the user then falls back to another account of theirs.
     */
    public AccountContext current() {
        AppUser user = currentUser.require();
        List<RequestMemberships.Membership> memberOf = memberships.of(user.id());
        if (memberOf.isEmpty()) {
            throw InvalidRequestException.keyed(null, "errors.access.no-account");
        }
        return context(memberOf.getFirst(), user);
    }

    /**
     * For an id of something an account owns (a payment, a method, an invitation): the caller has looked up the owning
     * account, or null when nothing has that id. Unknown and foreign ids get the same {@code answer}, so ids of other
     * customers cannot be probed; the denial is logged with the user, the action and the id, never personal data.
     */
    public AccountContext requireOwner(@Nullable AccountId owner, TypedId subject, Action action,
                                       InvalidRequestException answer) {
        AppUser user = currentUser.require();
        var membership = owner == null ? null : memberships.in(owner, user.id()).orElse(null);
        if (membership == null || !action.allowedFor(membership.role())) {
            logDenied(user, action, subject);
            throw answer;
        }
        return context(membership, user);
    }

    /**
     * Logs a denial that the caller decided itself (an id that does not fit the rest of the request), and returns the
     * answer to throw.
     */
    public InvalidRequestException denied(Action action, TypedId subject, InvalidRequestException answer) {
        logDenied(currentUser.require(), action, subject);
        return answer;
    }

    private static void logDenied(AppUser user, Action action, TypedId subject) {
        log.warn("Access denied: user={} action={} {}={}", user.id().value(), action, kind(subject), subject.value());
    }

    /** "payment" for a PaymentId: names the kind of id in the log without any customer data. */
    private static String kind(TypedId id) {
        String name = id.getClass().getSimpleName();
        String base = name.endsWith("Id") ? name.substring(0, name.length() - 2) : name;
        return Character.toLowerCase(base.charAt(0)) + base.substring(1);
    }

    /** The current user's context in the given account, if they are a member with a role that may do {@code action}. */
    public AccountContext require(AccountId accountId, Action action) {
        AppUser user = currentUser.require();
        var membership = memberships.in(accountId, user.id()).orElse(null);
        if (membership == null || !action.allowedFor(membership.role())) {
            logDenied(user, action, accountId);
            throw InvalidRequestException.keyed(null, "errors.access.denied");
        }
        return context(membership, user);
    }

    /** Resolves a payer id that came from outside, and checks that the current user may do {@code action} for it. */
    public Payer requirePayer(PayerId payerId, Action action) {
        AppUser user = currentUser.require();
        Payer payer = payers.findById(payerId).orElse(null);
        Role role = payer == null ? null
                : memberships.in(payer.accountId(), user.id()).map(RequestMemberships.Membership::role).orElse(null);
        if (payer == null || role == null || !action.allowedFor(role)) {
            logDenied(user, action, payerId);
            throw InvalidRequestException.keyed("payer", "errors.payer.foreign");
        }
        if (payer.archived()) {
            throw InvalidRequestException.keyed("payer", "errors.payer.archived");
        }
        return payer;
    }

    private static AccountContext context(RequestMemberships.Membership membership, AppUser user) {
        Account account = membership.account();
        return new AccountContext(account.id(), account.name(), account.number(), account.currency(), membership.role(),
                user.id());
    }

    /**
     * Locks the account row until the caller's transaction ends, so that checks over several rows of one account
     * (daily limits) cannot be raced by a second request.
     */
    public void lockForUpdate(AccountId accountId) {
        accounts.findLockedById(accountId).orElseThrow();
    }

    /**
     * {@link #require} and then {@link #lockForUpdate}, with the role checked again under the lock, as committed by
     * then. For changes to the account's members: a caller demoted while waiting for the lock is refused. The role is
     * read afresh, not from this request's memberships, which may predate the demotion (or come from another node's
     * write). Someone with no access at all is refused before the lock, so a stranger can never hold it.
     */
    public AccountContext requireUnderLock(AccountId accountId, Action action) {
        AccountContext checked = require(accountId, action);
        lockForUpdate(accountId);
        Role role = accounts.findRole(accountId, checked.userId()).orElse(null);
        if (role == null || !action.allowedFor(role)) {
            logDenied(currentUser.require(), action, accountId);
            throw InvalidRequestException.keyed(null, "errors.access.denied");
        }
        return new AccountContext(checked.accountId(), checked.accountName(), checked.accountNumber(),
                checked.currency(), role, checked.userId());
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
