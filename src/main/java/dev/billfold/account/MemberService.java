package dev.billfold.account;

import dev.billfold.audit.AuditEvent;
import dev.billfold.audit.AuditTrail;
import dev.billfold.base.InternalCall;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.NotFoundException;
import dev.billfold.ratelimit.RateDecision;
import dev.billfold.ratelimit.RateKey;
import dev.billfold.ratelimit.RateLimitExceededException;
import dev.billfold.ratelimit.RateLimiter;
import dev.billfold.security.AppUser;
import dev.billfold.security.CurrentUser;
import dev.billfold.security.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who belongs to an account and with which role: members, invitations and joining. Only owners manage members; an
 * account always keeps at least one owner. Checks that span the account's memberships run under the account's row
 * lock, so two owners demoting each other at once cannot leave it without one.
 */
@Service
public class MemberService {

    /** Where an invitation link leads; {@code account.ui.InvitationView} is routed here, and the mail links to it. */
    public static final String INVITATION_ROUTE = "invitation";
    /** Invitations sent per user and per account (billfold.rate-limits.*, DD-056). */
    static final String INVITATIONS_PER_USER = "invitation-per-user";
    static final String INVITATIONS_PER_ACCOUNT = "invitation-per-account";

    private static final Logger log = LoggerFactory.getLogger(MemberService.class);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}$");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String INVITATION_INVALID =
            "This invitation link is not valid any more: it was used, withdrawn or has expired. "
                    + "Ask the account owner to invite you again.";

    private final AccountAccess access;
    private final CurrentUser currentUser;
    private final AccountRepository accounts;
    private final MemberStore members;
    private final InvitationStore invitations;
    private final InvitationMailer mailer;
    private final TransactionTemplate transaction;
    private final Duration invitationValidity;
    private final Clock clock;
    private final RateLimiter rateLimiter;
    private final AuditTrail audit;

    MemberService(AccountAccess access, CurrentUser currentUser, AccountRepository accounts, MemberStore members,
                  InvitationStore invitations, InvitationMailer mailer, PlatformTransactionManager transactionManager,
                  @Value("${billfold.invitations.valid-for:P7D}") Duration invitationValidity, Clock clock,
                  RateLimiter rateLimiter, AuditTrail audit) {
        this.access = access;
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.members = members;
        this.invitations = invitations;
        this.mailer = mailer;
        this.transaction = new TransactionTemplate(transactionManager);
        this.invitationValidity = invitationValidity;
        this.clock = clock;
        this.rateLimiter = rateLimiter;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<MemberSummary> members(AccountId accountId) {
        AccountContext account = access.require(accountId, AccountAccess.Action.MANAGE_ACCOUNT);
        return members.members(accountId, account.userId());
    }

    @Transactional(readOnly = true)
    public List<InvitationSummary> pendingInvitations(AccountId accountId) {
        access.require(accountId, AccountAccess.Action.MANAGE_ACCOUNT);
        return pendingOf(accountId);
    }

    /**
     * Invites {@code email} with {@code role} and mails the link. An earlier pending invitation of the same address is
     * replaced, so only the newest link works. The invitation is committed before the mail goes out; if the mail
     * fails, it is withdrawn again and nothing is left behind. Each one counts against the sender's and the
     * account's rate limits before anything is written or mailed.
     */
    public InvitationSummary invite(AccountId accountId, String email, Role role) {
        AccountContext account = access.require(accountId, AccountAccess.Action.MANAGE_ACCOUNT);
        return send(accountId, account.accountName(), account.userId(), currentUser.require().displayName(), email,
                role, () -> access.requireUnderLock(accountId, AccountAccess.Action.MANAGE_ACCOUNT));
    }

    /**
     * The one way an invitation is made, for an owner on the Members page and for the provider's systems through the
     * API (AccountProvisioning, DD-079): the same checks, limits, audit, mail and link. The caller checked who may
     * invite; {@code underLock} checks it again under the account's row lock, which it takes.
     */
    InvitationSummary send(AccountId accountId, String accountName, UserId inviter, String inviterName,
                           String email, Role role, Runnable underLock) {
        String address = normalizeEmail(email);
        RateDecision allowance = rateLimiter.tryAcquire(
                new RateKey(INVITATIONS_PER_USER, inviter.value().toString()),
                new RateKey(INVITATIONS_PER_ACCOUNT, accountId.value().toString()));
        if (!allowance.allowed()) {
            log.warn("Invitation refused by rate limit {}: user={} account={}", allowance.refusedLimit(),
                    inviter.value(), accountId.value());
            throw new RateLimitExceededException(INVITATIONS_PER_USER.equals(allowance.refusedLimit())
                    ? "You have sent many invitations in a short time, so this one was not sent."
                    : "Many invitations were sent from this account in a short time, so this one was not sent.",
                    allowance);
        }
        String token = newToken();
        Instant now = clock.instant();
        Invitation invitation = new Invitation(InvitationId.random(), accountId, address, role, hash(token),
                inviter, now, now.plus(invitationValidity), null, null);
        transaction.executeWithoutResult(status -> {
            // Serializes invitations of one account, so two at once cannot leave two pending links for one address;
            // and an owner demoted meanwhile invites nobody.
            underLock.run();
            if (members.hasMemberWithEmail(accountId, address)) {
                throw InvalidRequestException.keyed("email", "errors.member.already", address);
            }
            invitations.deletePending(accountId, address);
            invitations.insert(invitation);
            audit.record(AuditEvent.of("account.invitation.sent", "Invited %s as %s".formatted(address, role.label()))
                    .account(accountId).subject(invitation.id()));
        });
        try {
            mailer.send(invitation, token, accountName, inviterName);
        } catch (MailException mailFailed) {
            log.warn("Invitation {}: the mail could not be sent; withdrawn", invitation.id().value(), mailFailed);
            transaction.executeWithoutResult(status -> {
                invitations.delete(invitation.id());
                audit.record(AuditEvent.of("account.invitation.withdrawn",
                                "Withdrew the invitation of %s: the mail could not be sent".formatted(address))
                        .account(accountId).subject(invitation.id()));
            });
            throw InvalidRequestException.keyed("email", "errors.member.mail-failed");
        }
        return summary(invitation);
    }

    /** An account's pending invitations, for a caller who checked access (the API's, DD-079). */
    List<InvitationSummary> pendingOf(AccountId accountId) {
        return invitations.pendingIn(accountId, clock.instant()).stream().map(MemberService::summary).toList();
    }

    /**
     * Withdraws a pending invitation of this account, for a caller who checked access and holds the account's row
     * lock (the API's, DD-079). Another account's, a used one and nobody's are the same: not found.
     */
    void withdraw(AccountId accountId, InvitationId invitationId) {
        Invitation invitation = invitations.findById(invitationId)
                .filter(found -> found.accountId().equals(accountId) && found.acceptedAt() == null)
                .orElseThrow(() -> new NotFoundException("There is no such invitation."));
        invitations.delete(invitationId);
        audit.record(AuditEvent.of("account.invitation.revoked", "Withdrew the invitation of " + invitation.email())
                .account(accountId).subject(invitationId));
    }

    private static InvitationSummary summary(Invitation invitation) {
        return new InvitationSummary(invitation.id(), invitation.email(), invitation.role(), invitation.expiresAt());
    }

    @Transactional
    public void revokeInvitation(InvitationId invitationId) {
        Invitation invitation = invitations.findById(invitationId).orElse(null);
        AccountContext account = access.requireOwner(invitation == null ? null : invitation.accountId(), invitationId,
                AccountAccess.Action.MANAGE_ACCOUNT,
                InvalidRequestException.keyed(null, "errors.member.invitation-not-found"));
        access.requireUnderLock(account.accountId(), AccountAccess.Action.MANAGE_ACCOUNT);
        invitations.delete(invitationId);
        audit.record(AuditEvent.of("account.invitation.revoked", "Withdrew the invitation of " + invitation.email())
                .account(account.accountId()).subject(invitationId));
    }

    @Transactional
    public void changeRole(AccountId accountId, UserId memberId, Role role) {
        access.requireUnderLock(accountId, AccountAccess.Action.MANAGE_ACCOUNT);
        Role current = requireMember(accountId, memberId);
        if (current == Role.OWNER && role != Role.OWNER && members.owners(accountId) <= 1) {
            throw InvalidRequestException.keyed("role", "errors.member.last-owner-role");
        }
        members.updateRole(accountId, memberId, role);
        if (current != role) {
            audit.record(AuditEvent.of("account.member.role-changed", "Changed the role of " + nameOf(memberId))
                    .account(accountId).subject(memberId).change(current.label(), role.label()));
        }
    }

    @Transactional
    public void removeMember(AccountId accountId, UserId memberId) {
        access.requireUnderLock(accountId, AccountAccess.Action.MANAGE_ACCOUNT);
        Role current = requireMember(accountId, memberId);
        if (current == Role.OWNER && members.owners(accountId) <= 1) {
            throw InvalidRequestException.keyed("member", "errors.member.last-owner-removal");
        }
        String name = nameOf(memberId);
        members.delete(accountId, memberId);
        audit.record(AuditEvent.of("account.member.removed", "Removed " + name + " from the account")
                .account(accountId).subject(memberId).change(current.label(), null));
    }

    private String nameOf(UserId userId) {
        return members.displayName(userId).orElse("a member");
    }

    /**
     * The signed-in user opened an invitation link. The token proves that the link came from the mail, and the
     * e-mail address the identity provider verified must be the invited one: a forwarded or leaked link lets nobody
     * else in, as the mail says. Joining makes that account the user's current one. Someone who joined with this
     * invitation already (at the sign-in the link led them through, {@link #acceptInvitationsFor}) is taken there.
     */
    @Transactional
    public AccountContext acceptInvitation(String token) {
        AppUser user = currentUser.require();
        Instant now = clock.instant();
        Invitation invitation = token.isBlank() ? null : invitations.findByTokenHash(hash(token.trim())).orElse(null);
        if (invitation != null && user.id().equals(invitation.acceptedBy())
                && accounts.findRole(invitation.accountId(), user.id()).isPresent()) {
            members.choose(invitation.accountId(), user.id(), now);
            return access.require(invitation.accountId(), AccountAccess.Action.VIEW);
        }
        if (invitation == null || !invitation.isPending(now)) {
            throw refused(user);
        }
        String verified = currentUser.verifiedEmail().map(email -> email.toLowerCase(Locale.ROOT)).orElse(null);
        if (!invitation.email().equals(verified)) {
            log.warn("Invitation {} refused: user={} has no verified e-mail that is the invited one",
                    invitation.id().value(), user.id().value());
            throw new InvalidRequestException("email", notTheInvitee(invitation.email(), user.email()));
        }
        if (invitations.markAccepted(invitation.id(), user.id(), now) != 1) {
            throw refused(user);
        }
        join(invitation, user.id());
        members.choose(invitation.accountId(), user.id(), now);
        return access.require(invitation.accountId(), AccountAccess.Action.VIEW);
    }

    private static InvalidRequestException refused(AppUser user) {
        log.warn("Invitation link refused: user={} (unknown, used or expired token)", user.id().value());
        return new InvalidRequestException(INVITATION_INVALID);
    }

    /** Names the invited address only masked: whoever holds a leaked link learns no more than the mail's recipient. */
    private static String notTheInvitee(String invited, @Nullable String signedInWith) {
        String message = "This invitation is for %s; sign in with that address.".formatted(masked(invited));
        return invited.equalsIgnoreCase(signedInWith == null ? "" : signedInWith.strip())
                ? message + " Your sign-in has not confirmed that the address is yours: verify it with your sign-in "
                        + "provider first."
                : message;
    }

    /** "j***@example.com": the first letter and the domain, enough to recognise one's own address. */
    static String masked(String email) {
        int at = email.lastIndexOf('@');
        return at < 1 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    /**
     * Joins every pending invitation to {@code email}. For the sign-in: call it once the identity provider has
     * vouched for the address (a verified e-mail only), before the user sees an account. Returns how many were used.
     */
    @InternalCall("runs right after an OIDC sign-in, for the user who just signed in, "
            + "with the e-mail the provider verified")
    @Transactional
    public int acceptInvitationsFor(UserId userId, String email) {
        Instant now = clock.instant();
        int joined = 0;
        for (Invitation invitation : invitations.pendingFor(email.trim().toLowerCase(Locale.ROOT), now)) {
            if (invitations.markAccepted(invitation.id(), userId, now) == 1) {
                join(invitation, userId);
                joined++;
            }
        }
        if (joined > 0) {
            log.info("User {} joined {} account(s) by invitation", userId.value(), joined);
        }
        return joined;
    }

    /** An existing member keeps the role they have: an invitation never demotes or promotes anyone. */
    private void join(Invitation invitation, UserId userId) {
        if (accounts.findRole(invitation.accountId(), userId).isPresent()) {
            return;
        }
        try {
            members.insert(invitation.accountId(), userId, invitation.role());
        } catch (DuplicateKeyException joinedMeanwhile) {
            // a second invitation to the same account was accepted at the same moment; one membership is enough
            return;
        }
        audit.record(AuditEvent.of("account.invitation.accepted",
                        "%s joined as %s by invitation".formatted(invitation.email(), invitation.role().label()))
                .account(invitation.accountId()).subject(userId).change(null, invitation.role().label()));
    }

    private Role requireMember(AccountId accountId, UserId memberId) {
        return accounts.findRole(accountId, memberId).orElseThrow(() -> access.denied(
                AccountAccess.Action.MANAGE_ACCOUNT, memberId,
                InvalidRequestException.keyed("member", "errors.member.not-a-member")));
    }

    static String normalizeEmail(String email) {
        String address = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (address.isEmpty()) {
            throw InvalidRequestException.keyed("email", "errors.member.email-empty");
        }
        if (address.length() > TextLimits.EMAIL) {
            throw InvalidRequestException.keyed("email", "errors.member.email-too-long", TextLimits.EMAIL);
        }
        if (!EMAIL.matcher(address).matches()) {
            throw InvalidRequestException.keyed("email", "errors.member.email-invalid");
        }
        return address;
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
