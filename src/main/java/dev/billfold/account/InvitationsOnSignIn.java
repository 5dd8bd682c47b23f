package dev.billfold.account;

import dev.billfold.security.UserSignedIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Someone invited by e-mail joins at their first OIDC sign-in with that address. Only an address the provider verified
 * counts, since anyone can put any address in an unverified profile. It runs after the sign-in committed and in its own
 * transaction, so a failure here never stops a sign-in; the invitation link still works then.
 */
@Component
class InvitationsOnSignIn {

    private static final Logger log = LoggerFactory.getLogger(InvitationsOnSignIn.class);

    private final MemberService members;

    InvitationsOnSignIn(MemberService members) {
        this.members = members;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void joinInvitedAccounts(UserSignedIn signedIn) {
        if (!signedIn.emailVerified() || signedIn.email() == null || signedIn.email().isBlank()) {
            return;
        }
        try {
            int joined = members.acceptInvitationsFor(signedIn.userId(), signedIn.email());
            if (joined > 0) {
                log.info("User {} joined {} account(s) by invitation at sign-in", signedIn.userId().value(), joined);
            }
        } catch (RuntimeException e) {
            log.warn("Invitations for user {} could not be accepted at sign-in", signedIn.userId().value(), e);
        }
    }
}
