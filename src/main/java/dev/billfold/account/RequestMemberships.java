package dev.billfold.account;

import dev.billfold.security.UserId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The signed-in user's memberships, read once per HTTP request: a navigation checks access from the layout, the view,
 * both header switchers and every service call, which cost a dozen identical queries each time (docs/performance.md).
 * Any write to a membership in this request forgets them, so a switch or a role change is seen at once. Outside a
 * request (jobs, push) every call reads afresh.
 */
@Component
class RequestMemberships {

    private static final String MEMO = RequestMemberships.class.getName();

    private final MemberStore members;

    RequestMemberships(MemberStore members) {
        this.members = members;
    }

    /** The user's accounts with their role there, the one chosen last first. */
    List<Membership> of(UserId userId) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(MEMO, RequestAttributes.SCOPE_REQUEST) instanceof Memo memo
                && memo.userId().equals(userId) && memo.writesSeen() == members.writes()) {
            return memo.memberships();
        }
        long writesSeen = members.writes();
        List<Membership> memberships = members.membershipsOf(userId);
        if (request != null) {
            request.setAttribute(MEMO, new Memo(userId, writesSeen, memberships), RequestAttributes.SCOPE_REQUEST);
        }
        return memberships;
    }

    Optional<Membership> in(AccountId accountId, UserId userId) {
        return of(userId).stream().filter(m -> m.account().id().equals(accountId)).findFirst();
    }

    record Membership(Account account, Role role) {
    }

    private record Memo(UserId userId, long writesSeen, List<Membership> memberships) {
    }
}
