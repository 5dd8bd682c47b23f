package dev.billfold.account;

import dev.billfold.audit.AuditEvent;
import dev.billfold.audit.AuditTrail;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.NotFoundException;
import dev.billfold.security.ApiClientUsers;
import dev.billfold.security.UserId;
import dev.billfold.staff.StaffAccess;
import dev.billfold.staff.StaffMember;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts and their members as the provider's systems put them in through the API (issue 17). Reads need
 * {@link StaffAccess.Action#READ}, changes {@link StaffAccess.Action#WRITE_ACCOUNTS}, which only an API client with
 * the {@code accounts:write} scope holds; every change is audited with the client as the actor. An unknown id and
 * another deployment's id get the same answer.
 */
@Service
public class AccountProvisioning {

    public static final int PAGE_MAX = 100;
    public static final int EXTERNAL_ID_MAX = 100;
    /** account.name and app_user.display_name. */
    public static final int NAME_MAX = 200;
    private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9._:@/-]{1,100}");
    private static final Pattern CURSOR = Pattern.compile("[1-9][0-9]{8}");
    private static final int ISSUER_MAX = 500;
    private static final int SUBJECT_MAX = 255;
    /** Who an invitation mail says invited: customers see the provider's staff and systems as its billing team. */
    static final String INVITER = "The billing team";

    private final StaffAccess staff;
    private final ProvisioningStore store;
    private final MemberStore members;
    private final ApiClientUsers users;
    private final AccountsProperties properties;
    private final AuditTrail audit;
    private final PayerRepository payers;
    private final ApplicationEventPublisher published;
    private final MemberService invitations;

    AccountProvisioning(StaffAccess staff, ProvisioningStore store, MemberStore members, ApiClientUsers users,
                        AccountsProperties properties, AuditTrail audit, PayerRepository payers,
                        ApplicationEventPublisher published, MemberService invitations) {
        this.invitations = invitations;
        this.published = published;
        this.payers = payers;
        this.staff = staff;
        this.store = store;
        this.members = members;
        this.users = users;
        this.properties = properties;
        this.audit = audit;
    }

    @Transactional
    public ProvisionedAccount create(NewAccount request) {
        staff.require(StaffAccess.Action.WRITE_ACCOUNTS, null);
        String name = name(request.name());
        String currency = currency(request.currency());
        String country = country(request.country());
        String externalId = externalId(request.externalId());
        if (externalId != null && store.externalIdTaken(externalId)) {
            throw new InvalidRequestException("externalId", "Another account has that external id already.");
        }
        AccountId id = AccountId.random();
        store.insert(id, name, currency, country, AccountNumber.of(store.nextNumberBase()), externalId);
        ProvisionedAccount account = store.find(id).orElseThrow();
        audit.record(AuditEvent.of("account.created", "Opened the account " + account.number())
                .account(id).subject(id).change(null, name + ", " + currency
                        + (country == null ? "" : ", " + country)));
        published.publishEvent(new AccountCreated(id, name, currency));
        return account;
    }

    @Transactional(readOnly = true)
    public ProvisionedAccount account(AccountId accountId) {
        staff.require(StaffAccess.Action.READ, accountId);
        return found(accountId);
    }

    /** Accounts by number, after the cursor (the last number of the page before); optionally the one external id. */
    @Transactional(readOnly = true)
    public AccountPage accounts(@Nullable String cursor, @Nullable String externalId, int limit) {
        staff.require(StaffAccess.Action.READ, null);
        if (cursor != null && !CURSOR.matcher(cursor).matches()) {
            throw new InvalidRequestException("cursor", "That cursor is not one this API gave out.");
        }
        if (limit < 1 || limit > PAGE_MAX) {
            throw new InvalidRequestException("limit", "A page has 1 to %d items.".formatted(PAGE_MAX));
        }
        String wanted = externalId == null || externalId.isBlank() ? null : externalId.strip();
        List<ProvisionedAccount> rows = store.page(cursor, wanted, limit + 1);
        boolean more = rows.size() > limit;
        List<ProvisionedAccount> page = more ? rows.subList(0, limit) : rows;
        return new AccountPage(List.copyOf(page), more ? page.getLast().number() : null);
    }

    @Transactional
    public ProvisionedAccount rename(AccountId accountId, @Nullable String newName) {
        staff.require(StaffAccess.Action.WRITE_ACCOUNTS, accountId);
        String name = name(newName);
        ProvisionedAccount before = found(accountId);
        if (!before.name().equals(name)) {
            store.rename(accountId, name);
            audit.record(AuditEvent.of("account.renamed", "Renamed the account").account(accountId)
                    .subject(accountId).change(before.name(), name));
        }
        return found(accountId);
    }

    @Transactional(readOnly = true)
    public List<ProvisionedMember> members(AccountId accountId) {
        staff.require(StaffAccess.Action.READ, accountId);
        found(accountId);
        return members.provisionedMembers(accountId);
    }

    /**
     * Links the person who signs in with this OIDC identity (issuer and subject, as their provider sends them) with
     * a role; a person who never signed in yet is known from then on and finds the account at their first sign-in.
     * Linking a member again changes their role.
     */
    @Transactional
    public ProvisionedMember link(AccountId accountId, @Nullable String issuer, @Nullable String subject,
                                  @Nullable String displayName, @Nullable Role role) {
        staff.require(StaffAccess.Action.WRITE_ACCOUNTS, accountId);
        String iss = required(issuer, "issuer", ISSUER_MAX, "the OIDC issuer, e.g. https://id.example.com/");
        String sub = required(subject, "subject", SUBJECT_MAX, "the OIDC subject");
        if (role == null) {
            throw new InvalidRequestException("role", "Choose a role: OWNER, BILLING or VIEWER.");
        }
        String shown = displayName == null || displayName.isBlank() ? sub : name(displayName);
        locked(accountId);
        UserId user = users.oidcUser(iss, sub, shown);
        Role current = members.role(accountId, user).orElse(null);
        if (current == null) {
            members.insert(accountId, user, role);
            audit.record(AuditEvent.of("account.member.linked", "Linked " + shown + " to the account")
                    .account(accountId).subject(user).change(null, role.label()));
        } else if (current != role) {
            changeRoleLocked(accountId, user, current, role);
        }
        return member(accountId, user);
    }

    @Transactional
    public ProvisionedMember changeRole(AccountId accountId, UserId memberId, @Nullable Role role) {
        staff.require(StaffAccess.Action.WRITE_ACCOUNTS, accountId);
        if (role == null) {
            throw new InvalidRequestException("role", "Choose a role: OWNER, BILLING or VIEWER.");
        }
        locked(accountId);
        Role current = requireMember(accountId, memberId);
        if (current != role) {
            changeRoleLocked(accountId, memberId, current, role);
        }
        return member(accountId, memberId);
    }

    @Transactional
    public void remove(AccountId accountId, UserId memberId) {
        staff.require(StaffAccess.Action.WRITE_ACCOUNTS, accountId);
        locked(accountId);
        Role current = requireMember(accountId, memberId);
        if (current == Role.OWNER && members.owners(accountId) <= 1) {
            throw new InvalidRequestException("member",
                    "The last owner cannot be removed. Make someone else an owner first.");
        }
        String name = members.displayName(memberId).orElse("a member");
        members.delete(accountId, memberId);
        audit.record(AuditEvent.of("account.member.removed", "Removed " + name + " from the account")
                .account(accountId).subject(memberId).change(current.label(), null));
    }

    /** The account's pending invitations, as the Members page lists them. */
    @Transactional(readOnly = true)
    public List<InvitationSummary> invitations(AccountId accountId) {
        staff.require(StaffAccess.Action.READ, accountId);
        found(accountId);
        return invitations.pendingOf(accountId);
    }

    /**
     * Invites someone by e-mail with a role, by the Members page's own path (DD-079): the same checks, rate limits,
     * mail and one-time link, which joins the invited address's owner at their sign-in. The mail names the
     * provider's billing team as the inviter, as customers see every staff and API action.
     */
    public InvitationSummary invite(AccountId accountId, @Nullable String email, @Nullable Role role) {
        StaffMember me = staff.require(StaffAccess.Action.WRITE_ACCOUNTS, accountId);
        if (role == null) {
            throw new InvalidRequestException("role", "Choose a role: OWNER, BILLING or VIEWER.");
        }
        ProvisionedAccount account = found(accountId);
        return invitations.send(accountId, account.name(), me.userId(), INVITER, email == null ? "" : email, role,
                () -> locked(accountId));
    }

    @Transactional
    public void revokeInvitation(AccountId accountId, InvitationId invitationId) {
        staff.require(StaffAccess.Action.WRITE_ACCOUNTS, invitationId);
        locked(accountId);
        invitations.withdraw(accountId, invitationId);
    }

    /** The account's payers: active ones first (the default leading), then the archived. */
    @Transactional(readOnly = true)
    public List<PayerDetails> payers(AccountId accountId) {
        staff.require(StaffAccess.Action.READ, accountId);
        found(accountId);
        return payers.findAllByAccount(accountId).stream().map(PayerDetails::of).toList();
    }

    /** A payer, by the Payers page's rules (PayerRules); the account's first active payer becomes its default. */
    @Transactional
    public PayerDetails addPayer(AccountId accountId, PayerDraft draft) {
        staff.require(StaffAccess.Action.WRITE_ACCOUNTS, accountId);
        locked(accountId);
        PayerRules.Checked details = PayerRules.check(draft);
        boolean first = payers.findActiveByAccount(accountId).stream().noneMatch(Payer::isDefault);
        Payer saved = payers.save(Payer.create(accountId, details, first));
        audit.record(AuditEvent.of("account.payer.added", "Added the payer " + saved.legalName())
                .account(accountId).subject(saved.id()).change(null, PayerService.summary(saved)));
        return PayerDetails.of(saved);
    }

    @Transactional
    public PayerDetails updatePayer(AccountId accountId, PayerId payerId, PayerDraft draft) {
        staff.require(StaffAccess.Action.WRITE_ACCOUNTS, payerId);
        Payer payer = lockedPayer(accountId, payerId);
        PayerRules.Checked details = PayerRules.check(draft);
        Payer saved = payers.save(payer.withDetails(details));
        if (!PayerService.summary(payer).equals(PayerService.summary(saved))) {
            audit.record(AuditEvent.of("account.payer.changed", "Changed the payer " + saved.legalName())
                    .account(saved.accountId()).subject(payerId)
                    .change(PayerService.summary(payer), PayerService.summary(saved)));
        }
        return PayerDetails.of(saved);
    }

    /**
     * Archives a payer as the Payers page does (DD-017): the last active payer stays, and archiving the default needs
     * {@code newDefault}, another active payer of the same account, which takes over.
     */
    @Transactional
    public PayerDetails archivePayer(AccountId accountId, PayerId payerId, @Nullable PayerId newDefault) {
        staff.require(StaffAccess.Action.WRITE_ACCOUNTS, payerId);
        Payer payer = lockedPayer(accountId, payerId);
        List<Payer> active = payers.findActiveByAccount(payer.accountId());
        if (active.size() <= 1) {
            throw new InvalidRequestException("payer", ("%s is the account's only active payer, so it cannot be "
                    + "archived. Add another payer first.").formatted(payer.legalName()));
        }
        Payer successor = null;
        if (payer.isDefault()) {
            if (newDefault == null) {
                throw new InvalidRequestException("newDefault", ("%s is the default payer. Name the payer that "
                        + "becomes the default instead.").formatted(payer.legalName()));
            }
            successor = active.stream().filter(p -> p.id().equals(newDefault) && !p.id().equals(payerId))
                    .findFirst().orElseThrow(() -> new InvalidRequestException("newDefault",
                            "The new default must be another active payer of this account."));
        }
        Payer archived = payers.save(payer.archive());
        if (successor != null) {
            payers.save(successor.asDefault(true));
        }
        audit.record(AuditEvent.of("account.payer.archived", "Archived the payer " + payer.legalName())
                .account(payer.accountId()).subject(payerId).change(PayerService.summary(payer),
                        successor == null ? "Archived" : "Archived; default: " + successor.legalName()));
        return PayerDetails.of(archived);
    }

    /** The account's payer with the account locked; another account's payer is as unknown as nobody's. */
    private Payer lockedPayer(AccountId accountId, PayerId payerId) {
        Payer payer = payers.findById(payerId).filter(found -> found.accountId().equals(accountId))
                .orElseThrow(() -> new NotFoundException("There is no such payer."));
        locked(accountId);
        Payer current = payers.findById(payerId).orElseThrow();
        if (current.archived()) {
            throw new InvalidRequestException("payer", "That payer is archived and can no longer be changed.");
        }
        return current;
    }

    private void changeRoleLocked(AccountId accountId, UserId memberId, Role current, Role role) {
        if (current == Role.OWNER && members.owners(accountId) <= 1) {
            throw new InvalidRequestException("role",
                    "An account needs at least one owner. Make someone else an owner first.");
        }
        members.updateRole(accountId, memberId, role);
        audit.record(AuditEvent.of("account.member.role-changed", "Changed the role of "
                        + members.displayName(memberId).orElse("a member"))
                .account(accountId).subject(memberId).change(current.label(), role.label()));
    }

    private ProvisionedMember member(AccountId accountId, UserId userId) {
        return members.provisionedMembers(accountId).stream().filter(m -> m.userId().equals(userId)).findFirst()
                .orElseThrow();
    }

    private Role requireMember(AccountId accountId, UserId memberId) {
        return members.role(accountId, memberId)
                .orElseThrow(() -> new InvalidRequestException("member", "That user is not a member of the account."));
    }

    private ProvisionedAccount found(AccountId accountId) {
        return store.find(accountId).orElseThrow(() -> new NotFoundException("There is no such account."));
    }

    private void locked(AccountId accountId) {
        store.lock(accountId).orElseThrow(() -> new NotFoundException("There is no such account."));
    }

    private static String name(@Nullable String text) {
        String name = text == null ? "" : text.strip();
        if (name.isEmpty()) {
            throw new InvalidRequestException("name", "Give a name.");
        }
        if (name.length() > NAME_MAX) {
            throw new InvalidRequestException("name", "A name has at most %d characters.".formatted(NAME_MAX));
        }
        return name;
    }

    private String currency(@Nullable String text) {
        String code = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        if (!properties.currencies().contains(code)) {
            throw new InvalidRequestException("currency", "An account's currency is one of %s."
                    .formatted(String.join(", ", properties.currencies())));
        }
        return Currency.getInstance(code).getCurrencyCode();
    }

    private static @Nullable String country(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String code = text.strip().toUpperCase(Locale.ROOT);
        if (!Countries.isKnown(code)) {
            throw new InvalidRequestException("country", "A country is a two-letter ISO 3166 code, e.g. US.");
        }
        return code;
    }

    private static @Nullable String externalId(@Nullable String text) {
        if (text == null) {
            return null;
        }
        if (!EXTERNAL_ID.matcher(text).matches()) {
            throw new InvalidRequestException("externalId", ("An external id has 1 to %d letters, digits and "
                    + "._:@/- characters.").formatted(EXTERNAL_ID_MAX));
        }
        return text;
    }

    private static String required(@Nullable String text, String field, int max, String what) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty() || value.length() > max) {
            throw new InvalidRequestException(field, "Give %s, at most %d characters.".formatted(what, max));
        }
        return value;
    }
}
