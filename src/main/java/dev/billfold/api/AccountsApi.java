package dev.billfold.api;

import dev.billfold.account.AccountId;
import dev.billfold.account.AccountPage;
import dev.billfold.account.AccountProvisioning;
import dev.billfold.account.InvitationId;
import dev.billfold.account.InvitationSummary;
import dev.billfold.account.NewAccount;
import dev.billfold.account.PayerDetails;
import dev.billfold.account.PayerDraft;
import dev.billfold.account.PayerId;
import dev.billfold.account.PayerType;
import dev.billfold.account.ProvisionedAccount;
import dev.billfold.account.ProvisionedMember;
import dev.billfold.account.Role;
import dev.billfold.security.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Accounts and their members (issue 17): the provider's provisioning puts its customers in here. */
@RestController
@RequestMapping(path = ApiSecurityConfig.BASE + "/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Accounts", description = "Customer accounts, their balance and their members")
class AccountsApi {

    private final AccountProvisioning accounts;
    private final ApiJson json;

    AccountsApi(AccountProvisioning accounts, ApiJson json) {
        this.accounts = accounts;
        this.json = json;
    }

    @Schema(name = "NewAccount", description = "Unknown fields are refused (400).")
    record NewAccountBody(@Schema(example = "Morgan Web Studio", requiredMode = Schema.RequiredMode.REQUIRED)
                          @Nullable String name,
                          @Schema(example = "USD", requiredMode = Schema.RequiredMode.REQUIRED)
                          @Nullable String currency,
                          @Schema(example = "US", description = "ISO 3166-1 alpha-2") @Nullable String country,
                          @Schema(example = "crm-4711", description = "The provider's own id: unique, searchable")
                          @Nullable String externalId) {
    }

    @Schema(name = "AccountChange", description = "Unknown fields are refused (400).")
    record AccountChangeBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String name) {
    }

    @Schema(name = "Account")
    record AccountBody(UUID id, @Schema(example = "100000114") String number, String name, String currency,
                       @Nullable String country, @Nullable String externalId, MoneyBody balance) {

        static AccountBody of(ProvisionedAccount account) {
            return new AccountBody(account.id().value(), account.number(), account.name(), account.currency(),
                    account.country(), account.externalId(), MoneyBody.of(account.balance()));
        }
    }

    @Schema(name = "AccountList")
    record AccountListBody(List<AccountBody> items,
                           @Schema(description = "Pass as cursor for the next page; null on the last page")
                           @Nullable String nextCursor) {
    }

    @Schema(name = "Balance")
    record BalanceBody(UUID accountId, MoneyBody balance) {
    }

    @Schema(name = "NewMember", description = "Links the person who signs in with this OIDC identity. Unknown fields "
            + "are refused (400).")
    record NewMemberBody(@Schema(example = "https://id.example.com/", requiredMode = Schema.RequiredMode.REQUIRED)
                         @Nullable String issuer,
                         @Schema(example = "248289761001", requiredMode = Schema.RequiredMode.REQUIRED)
                         @Nullable String subject,
                         @Nullable String displayName,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable Role role) {
    }

    @Schema(name = "MemberChange", description = "Unknown fields are refused (400).")
    record MemberChangeBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable Role role) {
    }

    @Schema(name = "Member")
    record MemberBody(UUID userId, String displayName, @Nullable String issuer, @Nullable String subject, Role role) {

        static MemberBody of(ProvisionedMember member) {
            return new MemberBody(member.userId().value(), member.displayName(), member.issuer(), member.subject(),
                    member.role());
        }
    }

    @Schema(name = "MemberList")
    record MemberListBody(List<MemberBody> items) {
    }

    @Schema(name = "NewInvitation", description = "Invites by e-mail, as the Members page does. Unknown fields are "
            + "refused (400).")
    record NewInvitationBody(@Schema(example = "alex@morganweb.example", requiredMode = Schema.RequiredMode.REQUIRED)
                             @Nullable String email,
                             @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable Role role) {
    }

    @Schema(name = "Invitation", description = "A pending invitation: the mail's one-time link joins the person who "
            + "signs in with this e-mail address, verified by their sign-in provider, until it expires")
    record InvitationBody(UUID id, String email, Role role, OffsetDateTime expiresAt) {

        static InvitationBody of(InvitationSummary invitation) {
            return new InvitationBody(invitation.id().value(), invitation.email(), invitation.role(),
                    MoneyApi.time(invitation.expiresAt()));
        }
    }

    @Schema(name = "InvitationList")
    record InvitationListBody(List<InvitationBody> items) {
    }

    @Schema(name = "PayerDetails", description = "A payer as the Payers page takes it. Unknown fields are refused "
            + "(400).")
    record PayerBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable PayerType type,
                     @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String legalName,
                     @Schema(description = "Required for a company") @Nullable String taxId,
                     @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String address,
                     @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "US") @Nullable String country,
                     @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String invoiceEmail) {

        PayerDraft draft() {
            return new PayerDraft(type, legalName, taxId, address, country, invoiceEmail);
        }
    }

    @Schema(name = "PayerArchive", description = "Unknown fields are refused (400).")
    record PayerArchiveBody(@Schema(description = "Required when the default payer is archived: the active payer "
            + "that becomes the default") @Nullable UUID newDefault) {
    }

    @Schema(name = "Payer")
    record PayerOutBody(UUID id, PayerType type, String legalName, @Nullable String taxId, String address,
                        String country, String invoiceEmail, boolean isDefault, boolean archived) {

        static PayerOutBody of(PayerDetails payer) {
            return new PayerOutBody(payer.id().value(), payer.type(), payer.legalName(), payer.taxId(),
                    payer.address(), payer.country(), payer.invoiceEmail(), payer.isDefault(), payer.archived());
        }
    }

    @Schema(name = "PayerList")
    record PayerListBody(List<PayerOutBody> items) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create an account", description = "Scope accounts:write. Idempotency-Key supported.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = NewAccountBody.class))))
    ResponseEntity<AccountBody> create(@RequestBody String body) {
        NewAccountBody request = json.read(body, NewAccountBody.class);
        ProvisionedAccount account = accounts.create(new NewAccount(request.name(), request.currency(),
                request.country(), request.externalId()));
        return ResponseEntity.created(URI.create(ApiSecurityConfig.BASE + "/accounts/" + account.id().value()))
                .body(AccountBody.of(account));
    }

    @GetMapping
    @Operation(summary = "List accounts", description = "Scope read. By account number, cursor-paged; filter by the "
            + "provider's external id.")
    AccountListBody list(@RequestParam(required = false) @Nullable String cursor,
                         @RequestParam(defaultValue = "50") @Parameter(description = "1 to 100") int limit,
                         @RequestParam(required = false) @Nullable String externalId) {
        AccountPage page = accounts.accounts(cursor, externalId, limit);
        return new AccountListBody(page.items().stream().map(AccountBody::of).toList(), page.next());
    }

    @GetMapping("/{accountId}")
    @Operation(summary = "Read an account", description = "Scope read.")
    AccountBody account(@PathVariable UUID accountId) {
        return AccountBody.of(accounts.account(new AccountId(accountId)));
    }

    @PatchMapping(path = "/{accountId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Rename an account", description = "Scope accounts:write. Idempotency-Key supported.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = AccountChangeBody.class))))
    AccountBody rename(@PathVariable UUID accountId, @RequestBody String body) {
        AccountChangeBody change = json.read(body, AccountChangeBody.class);
        return AccountBody.of(accounts.rename(new AccountId(accountId), change.name()));
    }

    @GetMapping("/{accountId}/balance")
    @Operation(summary = "Read an account's balance", description = "Scope read.")
    BalanceBody balance(@PathVariable UUID accountId) {
        ProvisionedAccount account = accounts.account(new AccountId(accountId));
        return new BalanceBody(account.id().value(), MoneyBody.of(account.balance()));
    }

    @GetMapping("/{accountId}/members")
    @Operation(summary = "List an account's members", description = "Scope read.")
    MemberListBody members(@PathVariable UUID accountId) {
        return new MemberListBody(accounts.members(new AccountId(accountId)).stream().map(MemberBody::of).toList());
    }

    @PostMapping(path = "/{accountId}/members", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Link a user to an account", description = "Scope accounts:write. By OIDC issuer and "
            + "subject, with a role; linking a member again changes the role. Idempotency-Key supported.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = NewMemberBody.class))))
    ResponseEntity<MemberBody> link(@PathVariable UUID accountId, @RequestBody String body) {
        NewMemberBody request = json.read(body, NewMemberBody.class);
        ProvisionedMember member = accounts.link(new AccountId(accountId), request.issuer(), request.subject(),
                request.displayName(), request.role());
        return ResponseEntity.created(URI.create(ApiSecurityConfig.BASE + "/accounts/" + accountId + "/members/"
                + member.userId().value())).body(MemberBody.of(member));
    }

    @PatchMapping(path = "/{accountId}/members/{userId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a member's role", description = "Scope accounts:write. An account always keeps an "
            + "owner. Idempotency-Key supported.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = MemberChangeBody.class))))
    MemberBody changeRole(@PathVariable UUID accountId, @PathVariable UUID userId, @RequestBody String body) {
        MemberChangeBody change = json.read(body, MemberChangeBody.class);
        return MemberBody.of(accounts.changeRole(new AccountId(accountId), new UserId(userId), change.role()));
    }

    @GetMapping("/{accountId}/invitations")
    @Operation(summary = "List an account's pending invitations", description = "Scope read. Oldest first.")
    InvitationListBody invitations(@PathVariable UUID accountId) {
        return new InvitationListBody(accounts.invitations(new AccountId(accountId)).stream().map(InvitationBody::of)
                .toList());
    }

    @PostMapping(path = "/{accountId}/invitations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Invite someone by e-mail", description = "Scope accounts:write. The Members page's "
            + "invitation: the same mail with a one-time link (valid for 7 days) that joins the person who signs in "
            + "with this address, verified, with the role. A new invitation of the same address replaces the pending "
            + "one; a member's address is refused; rate-limited per client and account (429). Idempotency-Key "
            + "supported.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = NewInvitationBody.class))))
    ResponseEntity<InvitationBody> invite(@PathVariable UUID accountId, @RequestBody String body) {
        NewInvitationBody request = json.read(body, NewInvitationBody.class);
        InvitationSummary invitation = accounts.invite(new AccountId(accountId), request.email(), request.role());
        return ResponseEntity.created(URI.create(ApiSecurityConfig.BASE + "/accounts/" + accountId + "/invitations/"
                + invitation.id().value())).body(InvitationBody.of(invitation));
    }

    @DeleteMapping("/{accountId}/invitations/{invitationId}")
    @Operation(summary = "Withdraw a pending invitation", description = "Scope accounts:write. Its link no longer "
            + "works.")
    ResponseEntity<Void> revokeInvitation(@PathVariable UUID accountId, @PathVariable UUID invitationId) {
        accounts.revokeInvitation(new AccountId(accountId), new InvitationId(invitationId));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{accountId}/payers")
    @Operation(summary = "List an account's payers", description = "Scope read. Active ones first, the default "
            + "leading, then the archived.")
    PayerListBody payers(@PathVariable UUID accountId) {
        return new PayerListBody(accounts.payers(new AccountId(accountId)).stream().map(PayerOutBody::of).toList());
    }

    @PostMapping(path = "/{accountId}/payers", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a payer", description = "Scope accounts:write. The Payers page's rules; the first "
            + "payer becomes the default. Idempotency-Key supported.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = PayerBody.class))))
    ResponseEntity<PayerOutBody> addPayer(@PathVariable UUID accountId, @RequestBody String body) {
        PayerDetails payer = accounts.addPayer(new AccountId(accountId), json.read(body, PayerBody.class).draft());
        return ResponseEntity.created(URI.create(ApiSecurityConfig.BASE + "/accounts/" + accountId + "/payers/"
                        + payer.id().value()))
                .body(PayerOutBody.of(payer));
    }

    @PatchMapping(path = "/{accountId}/payers/{payerId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a payer's details", description = "Scope accounts:write. All details, as the "
            + "Payers page's form. Idempotency-Key supported.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = PayerBody.class))))
    PayerOutBody updatePayer(@PathVariable UUID accountId, @PathVariable UUID payerId, @RequestBody String body) {
        return PayerOutBody.of(accounts.updatePayer(new AccountId(accountId), new PayerId(payerId),
                json.read(body, PayerBody.class).draft()));
    }

    @PostMapping("/{accountId}/payers/{payerId}/archive")
    @Operation(summary = "Archive a payer", description = "Scope accounts:write. The last active payer stays; the "
            + "default needs newDefault. Idempotency-Key supported.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = PayerArchiveBody.class))))
    PayerOutBody archivePayer(@PathVariable UUID accountId, @PathVariable UUID payerId,
                              @RequestBody(required = false) @Nullable String body) {
        PayerArchiveBody request = body == null || body.isBlank() ? new PayerArchiveBody(null)
                : json.read(body, PayerArchiveBody.class);
        return PayerOutBody.of(accounts.archivePayer(new AccountId(accountId), new PayerId(payerId),
                request.newDefault() == null ? null : new PayerId(request.newDefault())));
    }

    @DeleteMapping("/{accountId}/members/{userId}")
    @Operation(summary = "Remove a member", description = "Scope accounts:write. The last owner cannot be removed.")
    ResponseEntity<Void> remove(@PathVariable UUID accountId, @PathVariable UUID userId) {
        accounts.remove(new AccountId(accountId), new UserId(userId));
        return ResponseEntity.noContent().build();
    }
}
