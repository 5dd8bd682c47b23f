package dev.billfold;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.shared.Registration;
import dev.billfold.TestData.Customer;
import dev.billfold.account.AccountAccess;
import dev.billfold.account.AccountId;
import dev.billfold.account.InvitationId;
import dev.billfold.account.MemberService;
import dev.billfold.account.PayerId;
import dev.billfold.account.Role;
import dev.billfold.account.ui.AccountViews;
import dev.billfold.adjustment.AdjustmentId;
import dev.billfold.apikey.ApiKeyId;
import dev.billfold.base.InternalCall;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.TypedId;
import dev.billfold.history.TransactionHistoryQuery;
import dev.billfold.hosting.HostedServiceId;
import dev.billfold.hosting.ServiceFixtures;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.ui.PaymentViews;
import dev.billfold.paymentmethod.MethodChanges;
import dev.billfold.paymentmethod.PaymentMethodId;
import dev.billfold.paymentmethod.ui.PaymentMethodViews;
import dev.billfold.security.ApiClient;
import dev.billfold.security.ApiClientAuthentication;
import dev.billfold.security.ApiScope;
import dev.billfold.security.UserId;
import dev.billfold.staff.StaffAccess;
import dev.billfold.staff.StaffRole;
import dev.billfold.statement.StatementEntryId;
import dev.billfold.statement.StatementImportId;
import dev.billfold.ui.KaribuTest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.util.ClassUtils;

/**
 * The access suite: customer A (an owner, a Billing member and a Viewer) against customer B. Every public method of
 * every {@code @Service} in dev.billfold that takes an id (a {@link TypedId}, or a record holding one), and every such
 * method of its other public beans (view-level registrations), is found by reflection and called with B's ids, and
 * with A's own ids but one of B's. Every call must be refused, every refusal logged with the user, the action and the
 * id, and no table may change. A new service method without a check fails here; methods that run without a user on
 * purpose carry {@link InternalCall} and must be exactly the listed ones.
 *
 * <p>Ownership is not enough: {@link #ROLES} declares which roles may call each of those methods, and every one of
 * them is called with the caller's own ids under every role; exactly the declared roles get through (DD-058).
 */
class AccessControlTest extends KaribuTest {

    /** The only methods allowed to skip the access check, each with its reason in the annotation. */
    private static final Set<String> EXPECTED_INTERNAL_CALLS = Set.of(
            "Ledger.post",
            "Ledger.postAll",
            "Ledger.lockBalance",
            "Ledger.postedAt",
            "PaymentMethodService.recordConfirmedFromCheckout",
            "ProviderNotificationHandler.byProviderReference",
            "ProviderNotificationHandler.byIdempotencyKey",
            "MemberService.acceptInvitationsFor",
            "ShortfallTopUps.topUpFromDefaultMethod",
            "ShortfallTopUps.settled",
            "ShortfallTopUps.topUpFromSavedMethod",
            "ShortfallTopUps.statusOf",
            "ShortfallTopUps.totalSince",
            "PaymentMethodService.methodForStandingOrder",
            "PaymentMethodService.defaultMethodForStandingOrder",
            "MethodChanges.subscribe",
            "OidcUsers.signedIn",
            "PowersOfAttorney.validFor",
            "PowersOfAttorney.validAmong",
            "AccountCountries.of",
            "AuditTrail.record",
            "PaymentDocuments.invoiceForMail",
            "PaymentDocuments.receiptForMail",
            // Refunds and disputes from the provider (issue 16, DD-069, DD-070).
            "Ledger.negativeSince",
            "PaymentRefunds.lock",
            "PaymentRefunds.creditedPayments",
            "PaymentRefunds.record",
            "ProviderRefundHandler.refund",
            "ProviderRefundHandler.dispute",
            // The refund receipt mail (issue 16, DD-078).
            "RefundService.receiptForMail",
            // The language a mail is written in (issue 21, DD-101).
            "LanguageService.forMailTo");

    private static final Set<Role> EVERY_ROLE = Set.of(Role.OWNER, Role.BILLING, Role.VIEWER);
    private static final Set<Role> MOVES_MONEY = Set.of(Role.OWNER, Role.BILLING);
    private static final Set<Role> OWNER_ONLY = Set.of(Role.OWNER);
    private static final Set<Role> NO_CUSTOMER = Set.of();

    /**
     * Who may call what (shared/DESIGN.md, Roles): a Viewer reads only; Billing also tops up, renews and manages
     * payment methods; an Owner does everything, payers and members included. One row per method of
     * {@link #boundaryMethods}; a method without a row fails the role test, which says what the code allows.
     */
    private static final Map<String, Set<Role>> ROLES = Map.ofEntries(
            entry("AccountService.currentAccount", EVERY_ROLE),
            // A user's own language: no account's data, so no role matters (DD-101).
            entry("LanguageService.mine", EVERY_ROLE),
            entry("LanguageService.choose", EVERY_ROLE),
            entry("AccountService.myAccounts", EVERY_ROLE),
            entry("AccountService.switchTo", EVERY_ROLE),
            entry("AccountService.payers", EVERY_ROLE),
            entry("AccountService.payerForPayment", MOVES_MONEY),
            entry("MemberService.members", OWNER_ONLY),
            entry("MemberService.pendingInvitations", OWNER_ONLY),
            entry("MemberService.invite", OWNER_ONLY),
            entry("MemberService.revokeInvitation", OWNER_ONLY),
            entry("MemberService.changeRole", OWNER_ONLY),
            entry("MemberService.removeMember", OWNER_ONLY),
            // Who opens the link decides, not a role: invitation_links_* below refuse everyone else's.
            entry("MemberService.acceptInvitation", EVERY_ROLE),
            entry("PayerService.all", EVERY_ROLE),
            entry("PayerService.mayManage", EVERY_ROLE),
            entry("PayerService.active", EVERY_ROLE),
            entry("PayerService.choosable", EVERY_ROLE),
            entry("PayerService.switchTo", EVERY_ROLE),
            entry("PayerService.add", OWNER_ONLY),
            entry("PayerService.update", OWNER_ONLY),
            entry("PayerService.makeDefault", OWNER_ONLY),
            entry("PayerService.archive", OWNER_ONLY),
            entry("Ledger.currentBalance", EVERY_ROLE),
            entry("Ledger.balance", EVERY_ROLE),
            entry("TransactionHistoryQuery.count", EVERY_ROLE),
            entry("TransactionHistoryQuery.page", EVERY_ROLE),
            entry("TransactionHistoryQuery.writeCsv", EVERY_ROLE),
            entry("PaymentHistoryQuery.count", EVERY_ROLE),
            entry("PaymentHistoryQuery.page", EVERY_ROLE),
            entry("PaymentHistoryQuery.details", EVERY_ROLE),
            entry("PaymentDocuments.invoice", EVERY_ROLE),
            entry("PaymentDocuments.receipt", EVERY_ROLE),
            // The return asks the provider what already happened, as the poller would: it moves no money itself.
            entry("PaymentService.confirmReturn", EVERY_ROLE),
            entry("PaymentService.confirmWithBank", MOVES_MONEY),
            entry("TopUpService.form", EVERY_ROLE),
            entry("TopUpService.methodsFor", EVERY_ROLE),
            entry("TopUpService.methodsPayingIn", EVERY_ROLE),
            entry("TopUpService.methodNotes", EVERY_ROLE),
            entry("TopUpService.requireOwnIds", EVERY_ROLE),
            entry("TopUpService.topUp", MOVES_MONEY),
            entry("QuoteService.payCurrencies", EVERY_ROLE),
            entry("QuoteService.quote", MOVES_MONEY),
            entry("QuoteService.requireValid", MOVES_MONEY),
            entry("ShortfallTopUps.amountFor", EVERY_ROLE),
            entry("ShortfallTopUps.meetsMinimum", EVERY_ROLE),
            entry("ShortfallTopUps.maximumFor", EVERY_ROLE),
            entry("PaymentMethodService.mayManage", EVERY_ROLE),
            entry("PaymentMethodService.setupProviders", EVERY_ROLE),
            entry("PaymentMethodService.methods", EVERY_ROLE),
            entry("PaymentMethodService.listen", EVERY_ROLE),
            entry("MethodUpdates.register", EVERY_ROLE),
            entry("PaymentMethodService.chargeableMethods", EVERY_ROLE),
            entry("PaymentMethodService.requireOfPayer", EVERY_ROLE),
            entry("PaymentMethodService.removalImpact", EVERY_ROLE),
            // Like the payment return: the provider is asked whether a setup that was started has finished.
            entry("PaymentMethodService.checkSetup", EVERY_ROLE),
            entry("PaymentMethodService.requireChargeable", MOVES_MONEY),
            entry("PaymentMethodService.makeDefault", MOVES_MONEY),
            entry("PaymentMethodService.remove", MOVES_MONEY),
            entry("PaymentMethodService.startSetup", MOVES_MONEY),
            entry("RenewalService.services", EVERY_ROLE),
            entry("RenewalService.quote", EVERY_ROLE),
            entry("RenewalService.autoTopUp", EVERY_ROLE),
            entry("RenewalService.activity", EVERY_ROLE),
            entry("RenewalService.mayRenew", EVERY_ROLE),
            entry("RenewalService.runway", EVERY_ROLE),
            entry("RenewalService.coverPresets", EVERY_ROLE),
            entry("RenewalService.runwayAndCovers", EVERY_ROLE),
            entry("RenewalService.runwayWarningDays", EVERY_ROLE),
            entry("RenewalService.renewFromBalance", MOVES_MONEY),
            entry("RenewalService.topUpAndRenew", MOVES_MONEY),
            entry("RenewalService.setAutoRenew", MOVES_MONEY),
            entry("RenewalService.setAutoTopUp", MOVES_MONEY),
            entry("RenewalService.autoTopUpSettings", EVERY_ROLE),
            entry("RenewalService.saveAutoTopUp", MOVES_MONEY),
            // The back office: no customer role at all (STAFF_METHODS and the staff test below say which staff).
            entry("OpsSearchQuery.search", NO_CUSTOMER),
            entry("OpsAccountQuery.account", NO_CUSTOMER),
            entry("AccountNotes.add", NO_CUSTOMER),
            entry("AccountNotes.notes", NO_CUSTOMER),
            entry("AccountNotes.trail", NO_CUSTOMER),
            entry("AuditQuery.page", NO_CUSTOMER),
            entry("ActivityQuery.page", EVERY_ROLE),
            entry("BankTransfers.findInvoices", NO_CUSTOMER),
            entry("BankTransfers.findAccounts", NO_CUSTOMER),
            entry("BankTransfers.receive", NO_CUSTOMER),
            entry("BankTransfers.conditionallyCredit", NO_CUSTOMER),
            entry("BankTransfers.reverseConditionalCredit", NO_CUSTOMER),
            entry("BankTransfers.reversibleFrom", NO_CUSTOMER),
            entry("HeldPayments.waiting", NO_CUSTOMER),
            entry("HeldPayments.queue", NO_CUSTOMER),
            entry("HeldPayments.held", NO_CUSTOMER),
            entry("HeldPayments.resolve", NO_CUSTOMER),
            entry("AdjustmentService.form", NO_CUSTOMER),
            entry("AdjustmentService.request", NO_CUSTOMER),
            entry("AdjustmentService.approve", NO_CUSTOMER),
            entry("AdjustmentService.decline", NO_CUSTOMER),
            entry("AdjustmentService.waiting", NO_CUSTOMER),
            entry("AdjustmentService.waitingCount", NO_CUSTOMER),
            entry("StatementImports.importFile", NO_CUSTOMER),
            entry("StatementImports.imports", NO_CUSTOMER),
            entry("StatementImports.countImports", NO_CUSTOMER),
            entry("StatementImports.summary", NO_CUSTOMER),
            entry("StatementImports.entries", NO_CUSTOMER),
            entry("UnmatchedEntries.waiting", NO_CUSTOMER),
            entry("UnmatchedEntries.queue", NO_CUSTOMER),
            entry("UnmatchedEntries.entry", NO_CUSTOMER),
            entry("UnmatchedEntries.creditToAccount", NO_CUSTOMER),
            entry("UnmatchedEntries.returnToSender", NO_CUSTOMER),
            entry("UnmatchedEntries.reject", NO_CUSTOMER),
            entry("PaymentOrderService.page", EVERY_ROLE),
            entry("PaymentOrderService.upload", MOVES_MONEY),
            entry("PowerOfAttorneyService.ofPayer", EVERY_ROLE),
            entry("PowerOfAttorneyService.upload", OWNER_ONLY),
            entry("PaymentOrderReview.waiting", NO_CUSTOMER),
            entry("PaymentOrderReview.queue", NO_CUSTOMER),
            entry("PaymentOrderReview.overdue", NO_CUSTOMER),
            entry("PaymentOrderReview.overdueCount", NO_CUSTOMER),
            entry("PaymentOrderReview.order", NO_CUSTOMER),
            entry("PaymentOrderReview.document", NO_CUSTOMER),
            entry("PaymentOrderReview.conditionallyCredit", NO_CUSTOMER),
            entry("PaymentOrderReview.reject", NO_CUSTOMER),
            entry("PaymentOrderReview.reverse", NO_CUSTOMER),
            entry("PowerOfAttorneyReview.waiting", NO_CUSTOMER),
            entry("PowerOfAttorneyReview.queue", NO_CUSTOMER),
            entry("PowerOfAttorneyReview.document", NO_CUSTOMER),
            entry("PowerOfAttorneyReview.accept", NO_CUSTOMER),
            entry("PowerOfAttorneyReview.reject", NO_CUSTOMER),
            entry("OpsMailLogQuery.count", NO_CUSTOMER),
            entry("OpsMailLogQuery.page", NO_CUSTOMER),
            // Refunds of unused balance (DD-071): any member reads, Owner and Billing ask; the desk is staff's.
            entry("RefundService.quote", EVERY_ROLE),
            entry("RefundService.request", MOVES_MONEY),
            entry("RefundService.requests", EVERY_ROLE),
            entry("RefundService.count", EVERY_ROLE),
            entry("RefundService.ofPayment", EVERY_ROLE),
            entry("RefundService.receipt", EVERY_ROLE),
            entry("RefundDesk.waiting", NO_CUSTOMER),
            entry("RefundDesk.waitingCount", NO_CUSTOMER),
            entry("RefundDesk.approve", NO_CUSTOMER),
            entry("RefundDesk.reject", NO_CUSTOMER),
            entry("RefundDesk.payouts", NO_CUSTOMER),
            entry("RefundDesk.payoutCount", NO_CUSTOMER),
            entry("RefundDesk.recordPayout", NO_CUSTOMER),
            entry("RefundDesk.form", NO_CUSTOMER),
            entry("RefundDesk.refundPayment", NO_CUSTOMER),
            entry("RefundDesk.refundPaymentInCurrency", NO_CUSTOMER),
            entry("RefundDesk.refund", NO_CUSTOMER),
            entry("RefundDesk.refunds", NO_CUSTOMER),
            entry("InvoiceMails.resendAddress", EVERY_ROLE),
            entry("InvoiceMails.sendAgain", MOVES_MONEY),
            // Webhooks (DD-075): the back office's Admin only.
            entry("WebhookEndpoints.endpoints", NO_CUSTOMER),
            entry("WebhookEndpoints.endpoint", NO_CUSTOMER),
            entry("WebhookEndpoints.create", NO_CUSTOMER),
            entry("WebhookEndpoints.rotateSecret", NO_CUSTOMER),
            entry("WebhookEndpoints.setEnabled", NO_CUSTOMER),
            entry("WebhookEndpoints.countDeliveries", NO_CUSTOMER),
            entry("WebhookEndpoints.deliveries", NO_CUSTOMER),
            entry("WebhookEndpoints.attempts", NO_CUSTOMER),
            entry("WebhookEndpoints.replay", NO_CUSTOMER),
            entry("WebhookEndpoints.replaySince", NO_CUSTOMER),
            entry("WebhookEndpoints.lowBalanceThreshold", NO_CUSTOMER),
            entry("WebhookEndpoints.setLowBalanceThreshold", NO_CUSTOMER),
            // Refunds and disputes from the provider (issue 16): read by every role; the queue is staff only.
            entry("Ledger.currentNegativeBalance", EVERY_ROLE),
            entry("PaymentRefunds.negativeBalanceNotice", EVERY_ROLE),
            entry("PaymentRefunds.negativeBalanceMessage", EVERY_ROLE),
            entry("PaymentHistoryQuery.reversals", EVERY_ROLE),
            entry("OpenDisputes.waiting", NO_CUSTOMER),
            entry("OpenDisputes.queue", NO_CUSTOMER),
            // The integration API (issue 17): the provider's side only, through StaffAccess (DD-073).
            entry("AccountProvisioning.create", NO_CUSTOMER),
            entry("AccountProvisioning.account", NO_CUSTOMER),
            entry("AccountProvisioning.accounts", NO_CUSTOMER),
            entry("AccountProvisioning.rename", NO_CUSTOMER),
            entry("AccountProvisioning.members", NO_CUSTOMER),
            entry("AccountProvisioning.link", NO_CUSTOMER),
            entry("AccountProvisioning.changeRole", NO_CUSTOMER),
            entry("AccountProvisioning.remove", NO_CUSTOMER),
            entry("AccountProvisioning.payers", NO_CUSTOMER),
            entry("AccountProvisioning.addPayer", NO_CUSTOMER),
            entry("AccountProvisioning.updatePayer", NO_CUSTOMER),
            entry("AccountProvisioning.archivePayer", NO_CUSTOMER),
            entry("AccountProvisioning.invitations", NO_CUSTOMER),
            entry("AccountProvisioning.invite", NO_CUSTOMER),
            entry("AccountProvisioning.revokeInvitation", NO_CUSTOMER),
            entry("AdjustmentService.requestInCurrency", NO_CUSTOMER),
            entry("AdjustmentService.adjustment", NO_CUSTOMER),
            entry("LedgerQuery.entries", NO_CUSTOMER),
            entry("PaymentListQuery.payment", NO_CUSTOMER),
            entry("PaymentListQuery.payments", NO_CUSTOMER),
            entry("ApiKeys.keys", NO_CUSTOMER),
            entry("ApiKeys.count", NO_CUSTOMER),
            entry("ApiKeys.create", NO_CUSTOMER),
            entry("ApiKeys.revoke", NO_CUSTOMER),
            entry("ServiceProvisioning.create", NO_CUSTOMER),
            entry("ServiceProvisioning.service", NO_CUSTOMER),
            entry("ServiceProvisioning.services", NO_CUSTOMER),
            entry("ServiceProvisioning.changePrice", NO_CUSTOMER),
            entry("ServiceProvisioning.suspend", NO_CUSTOMER),
            entry("ServiceProvisioning.resume", NO_CUSTOMER),
            entry("ServiceProvisioning.terminate", NO_CUSTOMER));

    /**
     * Every public method of the staff services (dev.billfold.ops, .staff, .audit, .adjustment and those listed in
     * STAFF_SERVICES_ELSEWHERE) with the staff action it needs: a new staff method must be listed here, and is then attacked both ways below.
     */
    private static final Map<String, StaffAccess.Action> STAFF_METHODS = Map.ofEntries(
            entry("OpsSearchQuery.search", StaffAccess.Action.READ),
            entry("OpsAccountQuery.account", StaffAccess.Action.READ),
            entry("AccountNotes.add", StaffAccess.Action.WRITE_NOTES),
            entry("AccountNotes.notes", StaffAccess.Action.READ),
            entry("AccountNotes.trail", StaffAccess.Action.READ),
            entry("AuditQuery.page", StaffAccess.Action.READ),
            entry("BankTransfers.findInvoices", StaffAccess.Action.READ),
            entry("BankTransfers.findAccounts", StaffAccess.Action.READ),
            entry("BankTransfers.receive", StaffAccess.Action.MOVE_MONEY),
            entry("BankTransfers.conditionallyCredit", StaffAccess.Action.MOVE_MONEY),
            entry("BankTransfers.reverseConditionalCredit", StaffAccess.Action.MOVE_MONEY),
            entry("BankTransfers.reversibleFrom", StaffAccess.Action.READ),
            entry("HeldPayments.waiting", StaffAccess.Action.READ),
            entry("HeldPayments.queue", StaffAccess.Action.READ),
            entry("HeldPayments.held", StaffAccess.Action.READ),
            entry("HeldPayments.resolve", StaffAccess.Action.MOVE_MONEY),
            // Balance adjustments (DD-067): Finance requests and decides; every staff reader sees the queue.
            entry("AdjustmentService.form", StaffAccess.Action.MOVE_MONEY),
            entry("AdjustmentService.request", StaffAccess.Action.MOVE_MONEY),
            entry("AdjustmentService.approve", StaffAccess.Action.DECIDE_MONEY),
            entry("AdjustmentService.decline", StaffAccess.Action.DECIDE_MONEY),
            entry("AdjustmentService.waiting", StaffAccess.Action.READ),
            entry("AdjustmentService.waitingCount", StaffAccess.Action.READ),
            entry("StatementImports.importFile", StaffAccess.Action.MOVE_MONEY),
            entry("StatementImports.imports", StaffAccess.Action.READ),
            entry("StatementImports.countImports", StaffAccess.Action.READ),
            entry("StatementImports.summary", StaffAccess.Action.READ),
            entry("StatementImports.entries", StaffAccess.Action.READ),
            entry("UnmatchedEntries.waiting", StaffAccess.Action.READ),
            entry("UnmatchedEntries.queue", StaffAccess.Action.READ),
            entry("UnmatchedEntries.entry", StaffAccess.Action.READ),
            entry("UnmatchedEntries.creditToAccount", StaffAccess.Action.MOVE_MONEY),
            entry("UnmatchedEntries.returnToSender", StaffAccess.Action.MOVE_MONEY),
            entry("UnmatchedEntries.reject", StaffAccess.Action.MOVE_MONEY),
            entry("PaymentOrderReview.waiting", StaffAccess.Action.READ),
            entry("PaymentOrderReview.queue", StaffAccess.Action.READ),
            entry("PaymentOrderReview.overdue", StaffAccess.Action.READ),
            entry("PaymentOrderReview.overdueCount", StaffAccess.Action.READ),
            entry("PaymentOrderReview.order", StaffAccess.Action.READ),
            entry("PaymentOrderReview.document", StaffAccess.Action.READ),
            entry("PaymentOrderReview.conditionallyCredit", StaffAccess.Action.MOVE_MONEY),
            entry("PaymentOrderReview.reject", StaffAccess.Action.MOVE_MONEY),
            entry("PaymentOrderReview.reverse", StaffAccess.Action.MOVE_MONEY),
            // A power of attorney moves no money: Support decides it as well as Finance (DD-068).
            entry("PowerOfAttorneyReview.waiting", StaffAccess.Action.READ),
            entry("PowerOfAttorneyReview.queue", StaffAccess.Action.READ),
            entry("PowerOfAttorneyReview.document", StaffAccess.Action.READ),
            entry("PowerOfAttorneyReview.accept", StaffAccess.Action.READ),
            entry("PowerOfAttorneyReview.reject", StaffAccess.Action.READ),
            // Refunds (DD-071, DD-072): deciding, paying out and refunding move money; the bank details are Finance's.
            entry("RefundDesk.waiting", StaffAccess.Action.READ),
            entry("RefundDesk.waitingCount", StaffAccess.Action.READ),
            entry("RefundDesk.approve", StaffAccess.Action.MOVE_MONEY),
            entry("RefundDesk.reject", StaffAccess.Action.MOVE_MONEY),
            entry("RefundDesk.payouts", StaffAccess.Action.MOVE_MONEY),
            entry("RefundDesk.payoutCount", StaffAccess.Action.READ),
            entry("RefundDesk.recordPayout", StaffAccess.Action.MOVE_MONEY),
            entry("RefundDesk.form", StaffAccess.Action.READ),
            entry("RefundDesk.refundPayment", StaffAccess.Action.MOVE_MONEY),
            entry("RefundDesk.refundPaymentInCurrency", StaffAccess.Action.MOVE_MONEY),
            entry("RefundDesk.refund", StaffAccess.Action.READ),
            entry("RefundDesk.refunds", StaffAccess.Action.READ),
            entry("OpsMailLogQuery.count", StaffAccess.Action.READ),
            entry("OpsMailLogQuery.page", StaffAccess.Action.READ),
            // Webhooks (DD-075): endpoints, secrets, the delivery log, replays and thresholds are Admin settings.
            entry("WebhookEndpoints.endpoints", StaffAccess.Action.STAFF_SETTINGS),
            entry("WebhookEndpoints.endpoint", StaffAccess.Action.STAFF_SETTINGS),
            entry("WebhookEndpoints.create", StaffAccess.Action.STAFF_SETTINGS),
            entry("WebhookEndpoints.rotateSecret", StaffAccess.Action.STAFF_SETTINGS),
            entry("WebhookEndpoints.setEnabled", StaffAccess.Action.STAFF_SETTINGS),
            entry("WebhookEndpoints.countDeliveries", StaffAccess.Action.STAFF_SETTINGS),
            entry("WebhookEndpoints.deliveries", StaffAccess.Action.STAFF_SETTINGS),
            entry("WebhookEndpoints.attempts", StaffAccess.Action.STAFF_SETTINGS),
            entry("WebhookEndpoints.replay", StaffAccess.Action.STAFF_SETTINGS),
            entry("WebhookEndpoints.replaySince", StaffAccess.Action.STAFF_SETTINGS),
            entry("WebhookEndpoints.lowBalanceThreshold", StaffAccess.Action.STAFF_SETTINGS),
            entry("WebhookEndpoints.setLowBalanceThreshold", StaffAccess.Action.STAFF_SETTINGS),
            // Open disputes (issue 16): a read-only queue.
            entry("OpenDisputes.waiting", StaffAccess.Action.READ),
            entry("OpenDisputes.queue", StaffAccess.Action.READ),
            // The integration API (issue 17, DD-073): accounts and members are the provider's provisioning, through
            // an API client only; reads are READ; the adjustment is MOVE_MONEY as a Finance member's; keys are Admin's.
            entry("AccountProvisioning.create", StaffAccess.Action.WRITE_ACCOUNTS),
            entry("AccountProvisioning.account", StaffAccess.Action.READ),
            entry("AccountProvisioning.accounts", StaffAccess.Action.READ),
            entry("AccountProvisioning.rename", StaffAccess.Action.WRITE_ACCOUNTS),
            entry("AccountProvisioning.members", StaffAccess.Action.READ),
            entry("AccountProvisioning.link", StaffAccess.Action.WRITE_ACCOUNTS),
            entry("AccountProvisioning.changeRole", StaffAccess.Action.WRITE_ACCOUNTS),
            entry("AccountProvisioning.remove", StaffAccess.Action.WRITE_ACCOUNTS),
            entry("AccountProvisioning.payers", StaffAccess.Action.READ),
            entry("AccountProvisioning.addPayer", StaffAccess.Action.WRITE_ACCOUNTS),
            entry("AccountProvisioning.updatePayer", StaffAccess.Action.WRITE_ACCOUNTS),
            entry("AccountProvisioning.archivePayer", StaffAccess.Action.WRITE_ACCOUNTS),
            entry("AccountProvisioning.invitations", StaffAccess.Action.READ),
            entry("AccountProvisioning.invite", StaffAccess.Action.WRITE_ACCOUNTS),
            entry("AccountProvisioning.revokeInvitation", StaffAccess.Action.WRITE_ACCOUNTS),
            entry("AdjustmentService.requestInCurrency", StaffAccess.Action.MOVE_MONEY),
            entry("AdjustmentService.adjustment", StaffAccess.Action.READ),
            entry("LedgerQuery.entries", StaffAccess.Action.READ),
            entry("PaymentListQuery.payment", StaffAccess.Action.READ),
            entry("PaymentListQuery.payments", StaffAccess.Action.READ),
            entry("ApiKeys.keys", StaffAccess.Action.STAFF_SETTINGS),
            entry("ApiKeys.count", StaffAccess.Action.STAFF_SETTINGS),
            entry("ApiKeys.create", StaffAccess.Action.STAFF_SETTINGS),
            entry("ApiKeys.revoke", StaffAccess.Action.STAFF_SETTINGS),
            entry("ServiceProvisioning.create", StaffAccess.Action.WRITE_SERVICES),
            entry("ServiceProvisioning.service", StaffAccess.Action.READ),
            entry("ServiceProvisioning.services", StaffAccess.Action.READ),
            entry("ServiceProvisioning.changePrice", StaffAccess.Action.WRITE_SERVICES),
            entry("ServiceProvisioning.suspend", StaffAccess.Action.WRITE_SERVICES),
            entry("ServiceProvisioning.resume", StaffAccess.Action.WRITE_SERVICES),
            entry("ServiceProvisioning.terminate", StaffAccess.Action.WRITE_SERVICES));

    /** Staff services that live outside the staff packages (the bank side lives in payment, DD-064). */
    private static final Set<String> STAFF_SERVICES_ELSEWHERE = Set.of("BankTransfers", "HeldPayments",
            "StatementImports", "UnmatchedEntries", "PaymentOrderReview", "PowerOfAttorneyReview", "OpsMailLogQuery",
            "WebhookEndpoints", "OpenDisputes", "RefundDesk",
            // The integration API's services (issue 17).
            "AccountProvisioning", "ApiKeys", "LedgerQuery", "PaymentListQuery", "ServiceProvisioning");

    /** Routes with a path parameter; each is attacked below. A new one must be added there and here. */
    private static final Set<String> PARAMETER_ROUTES = Set.of("payment-return/:paymentId", "invitation/:token",
            "payment-methods/setup/:methodId", "top-up/phone/:paymentId");

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    Customer a;
    Customer b;
    String viewer;
    String billing;
    Map<Class<?>, TypedId> own;
    Map<Class<?>, TypedId> foreign;
    ListAppender<ILoggingEvent> logs;

    @BeforeEach
    void twoCustomers() {
        a = data.newCustomer("USD");
        b = data.newCustomer("USD");
        viewer = data.addMember(a.accountId(), "VIEWER");
        billing = data.addMember(a.accountId(), "BILLING");
        own = ids(a);
        foreign = ids(b);
        logs = new ListAppender<>();
        logs.start();
        root().addAppender(logs);
    }

    @AfterEach
    void stopCapturing() {
        root().detachAppender(logs);
    }

    @Test
    void every_id_taking_service_method_refuses_another_accounts_ids_logs_it_and_changes_nothing() throws Exception {
        Map<String, Method> methods = idTakingMethods();
        assertThat(methods.keySet()).as("the reflection finds the known id-taking methods")
                .contains("PaymentService.confirmReturn", "PaymentService.confirmWithBank", "TopUpService.topUp",
                        "TopUpService.methodsFor", "TopUpService.methodNotes", "PaymentHistoryQuery.details",
                        "PaymentHistoryQuery.page",
                        "PaymentDocuments.invoice", "PaymentDocuments.receipt",
                        "PaymentMethodService.requireChargeable",
                        "AccountService.payers", "AccountService.switchTo", "Ledger.balance", "MemberService.changeRole",
                        "MemberService.invite", "MemberService.revokeInvitation", "PaymentMethodService.listen",
                        "MethodUpdates.register");
        Map<String, String> before = snapshot();
        List<String> problems = new ArrayList<>();
        int calls = 0;

        for (String username : List.of(a.username(), billing, viewer)) {
            TestData.signIn(username);
            UserId caller = userOf(username);
            for (var entry : methods.entrySet()) {
                Method method = entry.getValue();
                Object bean = applicationContext.getBean(method.getDeclaringClass());
                int slots = new Arguments(-1).count(method);
                List<Integer> variants = new ArrayList<>(List.of(Arguments.ALL_FOREIGN));
                if (slots > 1) {
                    for (int slot = 0; slot < slots; slot++) {
                        variants.add(slot);
                    }
                }
                for (int variant : variants) {
                    var arguments = new Arguments(variant);
                    Object[] values = arguments.build(method);
                    String call = "%s as %s with %s".formatted(entry.getKey(), username, arguments.used);
                    int logged = logs.list.size();
                    calls++;
                    try {
                        release(method.invoke(bean, values));
                        problems.add("SUCCEEDED: " + call);
                        continue;
                    } catch (InvocationTargetException thrown) {
                        Throwable cause = thrown.getCause();
                        if (!(cause instanceof InvalidRequestException) && !(cause instanceof AccessDeniedException)) {
                            problems.add("failed with %s instead of a refusal: %s".formatted(cause, call));
                            continue;
                        }
                    }
                    List<String> denials = logs.list.subList(logged, logs.list.size()).stream()
                            .filter(event -> event.getLevel() == Level.WARN)
                            .map(ILoggingEvent::getFormattedMessage)
                            .filter(message -> message.startsWith("Access denied: user=" + caller.value())
                                    || message.startsWith("Access denied: staff=" + caller.value()))
                            .toList();
                    if (denials.stream().noneMatch(message -> arguments.used.stream().anyMatch(id -> message.contains(id.value().toString())))) {
                        problems.add("refused without a denial log naming the user and an id: " + call);
                    }
                    denials.stream().filter(message -> message.contains("@")).forEach(message ->
                            problems.add("denial log carries personal data: " + message));
                }
            }
        }

        assertThat(problems).as("of %d calls", calls).isEmpty();
        assertThat(snapshot()).as("no table changed").isEqualTo(before);
    }

    /**
     * Every boundary method, with a fresh customer of its own for each role (an owner, a Billing member and a Viewer,
     * and one id of each kind), so that no call sees what another one changed. The calls the matrix refuses run
     * first, between two snapshots of every table; then the ones it allows. "Let through" means the access check
     * passed: the call may still fail for a business reason, as the arguments are plausible but irrelevant.
     */
    @Test
    void every_boundary_method_lets_exactly_the_roles_of_the_matrix_through_with_the_callers_own_ids()
            throws Exception {
        long started = System.nanoTime();
        Map<String, Method> methods = boundaryMethods();
        List<String> problems = new ArrayList<>();
        new TreeSet<>(ROLES.keySet()).stream().filter(name -> !methods.containsKey(name)).forEach(name -> problems.add(
                "ROLES has a row for %s, which is not a boundary method (any more): remove the row".formatted(name)));
        List<RoleCall> refused = new ArrayList<>();
        List<RoleCall> allowed = new ArrayList<>();
        for (var entry : methods.entrySet()) {
            Set<Role> roles = ROLES.get(entry.getKey());
            for (Role role : Role.values()) {
                var call = new RoleCall(entry.getKey(), entry.getValue(), role, fixture());
                (roles != null && !roles.contains(role) ? refused : allowed).add(call);
            }
        }

        Map<String, String> before = snapshot();
        for (RoleCall call : refused) {
            Outcome outcome = call.run();
            if (outcome.failure() == null) {
                problems.add("SUCCEEDED although ROLES refuses it: " + call);
            } else if (!(outcome.failure() instanceof InvalidRequestException)
                    && !(outcome.failure() instanceof AccessDeniedException)) {
                problems.add("failed with %s instead of a refusal: %s".formatted(outcome.failure(), call));
            } else if (outcome.denials().isEmpty()) {
                problems.add("refused without the denial log (\"Access denied: user=…\"): %s, answered \"%s\""
                        .formatted(call, outcome.failure().getMessage()));
            } else if (outcome.denials().stream().noneMatch(call::namesAnId)) {
                problems.add("the denial log names none of the call's ids: %s: %s".formatted(call, outcome.denials()));
            }
            outcome.denials().stream().filter(message -> message.contains("@")).forEach(message ->
                    problems.add("denial log carries personal data: " + message));
        }
        Map<String, String> after = snapshot();
        List<String> changed = before.keySet().stream()
                .filter(table -> !Objects.equals(before.get(table), after.get(table))).toList();
        if (!changed.isEmpty()) {
            problems.add("the refused calls changed the tables " + changed);
        }

        Map<String, Set<Role>> letThrough = new TreeMap<>();
        for (RoleCall call : allowed) {
            Outcome outcome = call.run();
            boolean refusal = !outcome.denials().isEmpty() || outcome.failure() instanceof AccessDeniedException;
            if (!ROLES.containsKey(call.name())) {
                Set<Role> roles = letThrough.computeIfAbsent(call.name(), name -> EnumSet.noneOf(Role.class));
                if (!refusal) {
                    roles.add(call.role());
                }
            } else if (refusal) {
                problems.add("REFUSED although ROLES lets %s do it: %s (%s)".formatted(call.role(), call,
                        outcome.denials().isEmpty() ? outcome.failure() : outcome.denials()));
            }
        }
        letThrough.forEach((name, roles) -> problems.add("""
                %s has no row in AccessControlTest.ROLES. With the caller's own ids the code lets %s through; \
                if shared/DESIGN.md (Roles) agrees, add the row
                            entry("%s", %s),
                otherwise fix the method's access check.""".formatted(name, roles, name, constantFor(roles))));

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(problems).as("of %d calls (%d refused, %d allowed) in %d s", refused.size() + allowed.size(),
                refused.size(), allowed.size(), took.toSeconds()).isEmpty();
    }

    /**
     * acceptInvitation is keyed by the link's token, not an id: a link that is unknown, used by someone else or
     * expired is refused for everyone, logged with the user (whatever the wording), and changes nothing.
     */
    @Test
    void invitation_links_that_are_unknown_used_or_expired_are_refused_logged_and_change_nothing() {
        Instant now = clock.instant();
        String used = invitationToken(b, "taken-" + UUID.randomUUID() + "@example.com", now.plus(Duration.ofDays(6)),
                b.userId());
        String expired = invitationToken(b, "late-" + UUID.randomUUID() + "@example.com", now.minusSeconds(60), null);
        String unknown = newToken();
        everyMemberOfAIsRefused(List.of(unknown, used, expired));
    }

    /**
     * A pending invitation of B's, addressed to someone else: A's owner, Billing member and Viewer hold the link (it
     * was forwarded, or leaked) but are not the invited person, so none of them joins B.
     */
    @Test
    void invitation_links_for_another_address_are_refused_logged_and_change_nothing() {
        String forSomeoneElse = invitationToken(b, "invitee-" + UUID.randomUUID() + "@example.com",
                clock.instant().plus(Duration.ofDays(6)), null);
        everyMemberOfAIsRefused(List.of(forSomeoneElse));
    }

    private void everyMemberOfAIsRefused(List<String> tokens) {
        MemberService members = applicationContext.getBean(MemberService.class);
        Map<String, String> before = snapshot();
        List<String> problems = new ArrayList<>();
        Map<String, String> callers = Map.of("A's owner", a.username(), "A's Billing member", billing,
                "A's Viewer", viewer);
        for (var entry : new TreeMap<>(callers).entrySet()) {
            TestData.signIn(entry.getValue());
            UserId caller = userOf(entry.getValue());
            for (String token : tokens) {
                String call = "%s opened link %d".formatted(entry.getKey(), tokens.indexOf(token));
                int logged = logs.list.size();
                try {
                    members.acceptInvitation(token);
                    problems.add("SUCCEEDED: " + call);
                    continue;
                } catch (InvalidRequestException refused) {
                    // expected
                }
                List<String> warnings = warningsSince(logged);
                if (warnings.stream().noneMatch(message -> message.contains("user=" + caller.value()))) {
                    problems.add("refused without a warning naming the user: %s: %s".formatted(call, warnings));
                }
                warnings.stream().filter(message -> message.contains("@")).forEach(message ->
                        problems.add("refusal log carries personal data: " + message));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(snapshot()).as("no table changed").isEqualTo(before);
    }

    /**
     * The staff role matrix, both ways: customers (of any account role) are refused every staff method, and a staff
     * member is refused every method whose action their staff roles do not allow: Support and Admin never move money
     * (the adjustments' MOVE_MONEY methods). The refusals run between two snapshots; the allowed calls after them.
     */
    @Autowired
    org.springframework.transaction.support.TransactionTemplate rollingBack;

    @Test
    void staff_methods_refuse_customers_and_staff_members_whose_roles_do_not_allow_the_action() throws Exception {
        Map<String, Method> methods = new java.util.TreeMap<>();
        for (Object bean : applicationContext.getBeansWithAnnotation(Service.class).values()) {
            Class<?> type = ClassUtils.getUserClass(AopUtils.getTargetClass(bean));
            if (type.getName().startsWith("dev.billfold.ops.") || type.getName().startsWith("dev.billfold.staff.")
                    || type.getName().startsWith("dev.billfold.audit.")
                    || type.getName().startsWith("dev.billfold.adjustment.")
                    || STAFF_SERVICES_ELSEWHERE.contains(type.getSimpleName())) {
                for (Method method : type.getMethods()) {
                    if (method.getDeclaringClass() != Object.class && !Modifier.isStatic(method.getModifiers())
                            && !method.isAnnotationPresent(InternalCall.class)) {
                        methods.put(type.getSimpleName() + "." + method.getName(), method);
                    }
                }
            }
        }
        assertThat(methods.keySet()).as("every staff method is in the role matrix").isEqualTo(STAFF_METHODS.keySet());
        String staffUser = data.newStaffUser();
        Map<String, String> before = snapshot();
        List<String> problems = new ArrayList<>();

        for (var entry : methods.entrySet()) {
            Method method = entry.getValue();
            Object bean = applicationContext.getBean(method.getDeclaringClass());
            Object[] values = new Arguments(Arguments.ALL_FOREIGN).build(method);
            for (String username : List.of(a.username(), billing, viewer)) {
                TestData.signIn(username);
                expectRefused(bean, method, values, userOf(username), entry.getKey() + " as customer " + username,
                        problems);
            }
            for (StaffRole role : StaffRole.values()) {
                TestData.signIn(staffUser, List.of(role));
                String call = entry.getKey() + " as staff " + role;
                if (!STAFF_METHODS.get(entry.getKey()).allowedFor(Set.of(role))) {
                    expectRefused(bean, method, values, userOf(staffUser), call, problems);
                } else {
                    // An allowed call may write (a note): rolled back, so that "no table changed" still holds.
                    rollingBack.executeWithoutResult(status -> {
                        status.setRollbackOnly();
                        try {
                            method.invoke(bean, values);
                        } catch (InvocationTargetException thrown) {
                            if (thrown.getCause() instanceof AccessDeniedException) {
                                problems.add("REFUSED an allowed role: " + call);
                            }
                        } catch (IllegalAccessException notPublic) {
                            problems.add("cannot call " + call);
                        }
                    });
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(snapshot()).as("no table changed").isEqualTo(before);
    }

    private void expectRefused(Object bean, Method method, Object[] values, UserId caller, String call,
                               List<String> problems) throws IllegalAccessException {
        int logged = logs.list.size();
        try {
            method.invoke(bean, values);
            problems.add("SUCCEEDED: " + call);
            return;
        } catch (InvocationTargetException thrown) {
            if (!(thrown.getCause() instanceof AccessDeniedException)) {
                problems.add("failed with %s instead of a refusal: %s".formatted(thrown.getCause(), call));
                return;
            }
        }
        if (logs.list.subList(logged, logs.list.size()).stream().map(ILoggingEvent::getFormattedMessage)
                .noneMatch(message -> message.startsWith("Access denied: staff=" + caller.value()))) {
            problems.add("refused without a denial log naming the user: " + call);
        }
    }

    /**
     * API clients (issue 17, DD-073): for every staff method, a client holding one scope is let through exactly where
     * that scope allows the method's action, refused (and the refusal logged with the client) everywhere else; and
     * no scope ever reaches notes or staff settings.
     */
    @Test
    void api_clients_pass_exactly_where_their_scope_allows_the_staff_action() throws Exception {
        Map<String, Method> methods = new java.util.TreeMap<>();
        for (Object bean : applicationContext.getBeansWithAnnotation(Service.class).values()) {
            Class<?> type = ClassUtils.getUserClass(AopUtils.getTargetClass(bean));
            for (Method method : type.getMethods()) {
                if (STAFF_METHODS.containsKey(type.getSimpleName() + "." + method.getName())
                        && !method.isAnnotationPresent(InternalCall.class)) {
                    methods.put(type.getSimpleName() + "." + method.getName(), method);
                }
            }
        }
        assertThat(methods.keySet()).isEqualTo(STAFF_METHODS.keySet());
        UserId clientUser = userOf(data.newStaffUser());
        Map<String, String> before = snapshot();
        List<String> problems = new ArrayList<>();
        for (var entry : methods.entrySet()) {
            Method method = entry.getValue();
            Object bean = applicationContext.getBean(method.getDeclaringClass());
            Object[] values = new Arguments(Arguments.ALL_FOREIGN).build(method);
            StaffAccess.Action action = STAFF_METHODS.get(entry.getKey());
            for (ApiScope scope : ApiScope.values()) {
                var client = new ApiClient(clientUser, "Access suite", Set.of(scope), "key:" + UUID.randomUUID());
                var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
                context.setAuthentication(new ApiClientAuthentication(client));
                org.springframework.security.core.context.SecurityContextHolder.setContext(context);
                String call = entry.getKey() + " with scope " + scope.value();
                boolean allowed = action.apiScope() == scope;
                int logged = logs.list.size();
                rollingBack.executeWithoutResult(status -> {
                    status.setRollbackOnly();
                    try {
                        method.invoke(bean, values);
                        if (!allowed) {
                            problems.add("SUCCEEDED: " + call);
                        }
                    } catch (InvocationTargetException thrown) {
                        boolean denied = thrown.getCause() instanceof AccessDeniedException;
                        if (allowed && denied) {
                            problems.add("REFUSED an allowed scope: " + call);
                        } else if (!allowed && !denied) {
                            problems.add("failed with %s instead of a refusal: %s".formatted(thrown.getCause(), call));
                        } else if (!allowed && logs.list.subList(logged, logs.list.size()).stream()
                                .map(ILoggingEvent::getFormattedMessage)
                                .noneMatch(message -> message.startsWith("Access denied: api=" + client.client()))) {
                            problems.add("refused without a denial log naming the client: " + call);
                        }
                    } catch (IllegalAccessException notPublic) {
                        problems.add("cannot call " + call);
                    }
                });
            }
        }
        TestData.signOut();
        assertThat(problems).isEmpty();
        // An allowed invitation counts against the invitation limits, which commit on their own (DD-056) like any
        // rate limit; everything else was rolled back.
        Function<Map<String, String>, Map<String, String>> withoutInvitationLimits = tables -> {
            tables.computeIfPresent("rate_limit_state", (table, rows) -> rows.lines()
                    .filter(row -> !row.contains("limit_name=invitation-per-")).collect(Collectors.joining("\n")));
            return tables;
        };
        assertThat(withoutInvitationLimits.apply(snapshot())).as("no table changed")
                .isEqualTo(withoutInvitationLimits.apply(before));
        assertThat(StaffAccess.Action.WRITE_NOTES.apiScope()).isNull();
        assertThat(StaffAccess.Action.STAFF_SETTINGS.apiScope()).isNull();
    }

    @Test
    void only_the_listed_methods_skip_the_access_check() {
        Set<String> internal = new TreeSet<>();
        for (String name : applicationContext.getBeanDefinitionNames()) {
            Class<?> type = applicationContext.getType(name);
            if (type == null || !type.getName().startsWith("dev.billfold.")) {
                continue;
            }
            for (Method method : ClassUtils.getUserClass(type).getDeclaredMethods()) {
                InternalCall internalCall = method.getAnnotation(InternalCall.class);
                if (internalCall != null) {
                    assertThat(internalCall.value()).as("the reason of %s", method).isNotBlank();
                    internal.add(ClassUtils.getUserClass(type).getSimpleName() + "." + method.getName());
                }
            }
        }
        assertThat(internal).isEqualTo(new TreeSet<>(EXPECTED_INTERNAL_CALLS));
    }

    @Test
    void routes_with_another_accounts_payment_id_show_not_found_log_the_denial_and_change_nothing() {
        Set<String> templates = RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .map(RouteData::getTemplate).filter(template -> template.contains(":")).collect(Collectors.toSet());
        assertThat(templates).as("every route with a parameter is covered here").isEqualTo(PARAMETER_ROUTES);
        Map<String, String> before = snapshot();
        String paymentId = foreign.get(PaymentId.class).value().toString();

        for (String username : List.of(a.username(), billing, viewer)) {
            signIn(username);
            UserId caller = userOf(username);

            int logged = logs.list.size();
            UI.getCurrent().navigate("history", QueryParameters.of("payment", paymentId));
            expectNotFound();
            assertThat(_find(Div.class, spec -> spec.withId("payment-detail"))).as("no detail is shown").isEmpty();
            assertDenialLogged(logged, caller, paymentId);

            logged = logs.list.size();
            UI.getCurrent().navigate("payment-return/" + paymentId);
            expectNotFound();
            assertDenialLogged(logged, caller, paymentId);

            logged = logs.list.size();
            UI.getCurrent().navigate("top-up/phone/" + paymentId);
            expectNotFound();
            assertDenialLogged(logged, caller, paymentId);

            logged = logs.list.size();
            String methodId = foreign.get(PaymentMethodId.class).value().toString();
            UI.getCurrent().navigate("payment-methods/setup/" + methodId);
            NavigatorKt.expectView(PaymentMethodViews.METHODS);
            assertThat(_get(Div.class, spec -> spec.withId("methods-banner")).getText())
                    .isEqualTo("We could not find that payment method.");
            assertDenialLogged(logged, caller, methodId);

            UI.getCurrent().navigate("invitation/" + UUID.randomUUID());
            NavigatorKt.expectView(AccountViews.INVITATION);
            assertThat(_get(Paragraph.class, spec -> spec.withId("invitation-outcome")).getText())
                    .startsWith("This invitation link is not valid any more");
        }
        assertThat(snapshot()).as("no table changed").isEqualTo(before);
    }

    private void expectNotFound() {
        NavigatorKt.expectView(PaymentViews.HISTORY);
        Div banner = _get(Div.class, spec -> spec.withId("payment-banner"));
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getText()).isEqualTo("We could not find that payment.");
    }

    private void assertDenialLogged(int from, UserId caller, String id) {
        assertThat(logs.list.subList(from, logs.list.size())).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(message -> message.startsWith("Access denied: user=" + caller.value()) && message.contains(id));
    }

    /** The {@link #boundaryMethods} with an id among their parameters. */
    private Map<String, Method> idTakingMethods() {
        Map<String, Method> found = new TreeMap<>(boundaryMethods());
        found.values().removeIf(method -> new Arguments(Arguments.ALL_FOREIGN).count(method) == 0);
        return found;
    }

    /**
     * What a view can call, by "Class.method": every public method of every {@code @Service} in dev.billfold, and
     * the public methods that take an id of its other public beans (view-level registrations such as
     * {@code MethodUpdates.register}). Not those marked {@link InternalCall}, nor {@link AccountAccess}: the check.
     */
    private Map<String, Method> boundaryMethods() {
        Map<String, Method> found = new TreeMap<>();
        for (Object bean : applicationContext.getBeansOfType(Object.class).values()) {
            Class<?> type = ClassUtils.getUserClass(AopUtils.getTargetClass(bean));
            boolean service = type.isAnnotationPresent(Service.class);
            if (!type.getName().startsWith("dev.billfold.") || type == AccountAccess.class || type == StaffAccess.class
                    || isTestCode(type)
                    || !service && !Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            for (Method method : type.getMethods()) {
                if (method.getDeclaringClass() == Object.class || Modifier.isStatic(method.getModifiers())
                        || method.isSynthetic() || method.isAnnotationPresent(InternalCall.class)
                        || !service && Arrays.stream(method.getGenericParameterTypes()).noneMatch(
                                AccessControlTest::holdsId)) {
                    continue;
                }
                String key = type.getSimpleName() + "." + method.getName();
                assertThat(found.put(key, method)).as("overloads are not told apart here: %s", key).isNull();
            }
        }
        return found;
    }

    private static boolean isTestCode(Class<?> type) {
        var source = type.getProtectionDomain().getCodeSource();
        return source != null && source.getLocation().getPath().contains("/test-classes/");
    }

    /** Ends a registration that a call made, so that no listener outlives its call. */
    private static void release(Object result) {
        if (result instanceof Registration registration) {
            registration.remove();
        } else if (result instanceof MethodChanges.Subscription subscription) {
            subscription.cancel();
        }
    }

    private static String constantFor(Set<Role> roles) {
        if (roles.equals(EVERY_ROLE)) {
            return "EVERY_ROLE";
        }
        if (roles.equals(MOVES_MONEY)) {
            return "MOVES_MONEY";
        }
        if (roles.equals(OWNER_ONLY)) {
            return "OWNER_ONLY";
        }
        return roles.stream().map(role -> "Role." + role).collect(Collectors.joining(", ", "Set.of(", ")"));
    }

    /** A fresh customer with an owner, a Billing member and a Viewer, and one id of each kind it owns. */
    private Fixture fixture() {
        Customer c = data.newCustomer("USD");
        Map<Role, String> members = new EnumMap<>(Role.class);
        members.put(Role.OWNER, c.username());
        members.put(Role.BILLING, data.addMember(c.accountId(), "BILLING"));
        members.put(Role.VIEWER, data.addMember(c.accountId(), "VIEWER"));
        return new Fixture(members, ids(c));
    }

    private record Fixture(Map<Role, String> members, Map<Class<?>, TypedId> ids) {
    }

    private record Outcome(Throwable failure, List<String> denials) {
    }

    /** One method called by one role of its own fixture, with that fixture's ids only. */
    private final class RoleCall {

        private final String name;
        private final Method method;
        private final Role role;
        private final Fixture fixture;

        RoleCall(String name, Method method, Role role, Fixture fixture) {
            this.name = name;
            this.method = method;
            this.role = role;
            this.fixture = fixture;
        }

        String name() {
            return name;
        }

        Role role() {
            return role;
        }

        Outcome run() throws IllegalAccessException {
            String username = fixture.members().get(role);
            TestData.signIn(username);
            UserId caller = userOf(username);
            Object[] values = new Arguments(fixture.ids()).build(method);
            Object bean = applicationContext.getBean(method.getDeclaringClass());
            int logged = logs.list.size();
            Throwable failure = null;
            try {
                release(method.invoke(bean, values));
            } catch (InvocationTargetException thrown) {
                failure = thrown.getCause();
            }
            List<String> denials = warningsSince(logged).stream()
                    .filter(message -> message.startsWith("Access denied: user=" + caller.value())
                            || message.startsWith("Access denied: staff=" + caller.value())).toList();
            return new Outcome(failure, denials);
        }

        boolean namesAnId(String denial) {
            // The back office refuses a customer before looking at any argument (a search has no id): its denial
            // names the caller, whom the filter above has matched already.
            return denial.startsWith("Access denied: staff=")
                    || fixture.ids().values().stream().anyMatch(id -> denial.contains(id.value().toString()));
        }

        @Override
        public String toString() {
            return name + " as " + role;
        }
    }

    private List<String> warningsSince(int from) {
        return logs.list.subList(from, logs.list.size()).stream()
                .filter(event -> event.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    /**
     * Fills a method's parameters: ids are B's, or (for one chosen slot at a time) A's everywhere but that slot;
     * records and sealed choices are built from their parts; other values are plausible but irrelevant, because the
     * access check must come before any other check.
     */
    final class Arguments {

        static final int ALL_FOREIGN = -1;
        /** No slot is foreign: the given own ids everywhere. */
        static final int NONE_FOREIGN = -2;

        final int foreignSlot;
        final Map<Class<?>, TypedId> ownIds;
        final List<TypedId> used = new ArrayList<>();
        int slot;

        Arguments(int foreignSlot) {
            this.foreignSlot = foreignSlot;
            this.ownIds = own;
        }

        /** The caller's own ids only. */
        Arguments(Map<Class<?>, TypedId> ownIds) {
            this.foreignSlot = NONE_FOREIGN;
            this.ownIds = ownIds;
        }

        int count(Method method) {
            build(method);
            return slot;
        }

        Object[] build(Method method) {
            Object[] values = new Object[method.getParameterCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = value(method.getGenericParameterTypes()[i]);
            }
            return values;
        }

        private Object value(java.lang.reflect.Type generic) {
            if (generic instanceof java.lang.reflect.ParameterizedType parameterized
                    && (parameterized.getRawType() == List.class
                    || parameterized.getRawType() == java.util.Collection.class)) {
                return List.of(value(parameterized.getActualTypeArguments()[0]));
            }
            if (generic instanceof java.lang.reflect.ParameterizedType parameterized
                    && parameterized.getRawType() == Set.class) {
                return Set.of(value(parameterized.getActualTypeArguments()[0]));
            }
            Class<?> type = generic instanceof java.lang.reflect.ParameterizedType parameterized
                    ? (Class<?>) parameterized.getRawType() : (Class<?>) generic;
            if (TypedId.class.isAssignableFrom(type)) {
                boolean useForeign = foreignSlot == ALL_FOREIGN || foreignSlot == slot;
                slot++;
                TypedId id = (useForeign ? foreign : ownIds).get(type);
                if (id == null) {
                    throw new AssertionError("The access suite has no " + type.getSimpleName()
                            + " of customers A and B yet: add one in AccessControlTest.ids");
                }
                used.add(id);
                return id;
            }
            if (type.isRecord()) {
                RecordComponent[] components = type.getRecordComponents();
                Class<?>[] types = new Class<?>[components.length];
                Object[] values = new Object[components.length];
                for (int i = 0; i < components.length; i++) {
                    types[i] = components[i].getType();
                    values[i] = value(components[i].getGenericType());
                }
                try {
                    var constructor = type.getDeclaredConstructor(types);
                    constructor.setAccessible(true);
                    return constructor.newInstance(values);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError("Cannot build " + type, e);
                }
            }
            if (type.isSealed()) {
                // The choice that carries an id, so that it is attacked too.
                Class<?>[] permitted = type.getPermittedSubclasses();
                for (Class<?> choice : permitted) {
                    if (AccessControlTest.holdsId(choice)) {
                        return value(choice);
                    }
                }
                return value(permitted[0]);
            }
            if (type.isEnum()) {
                return type.getEnumConstants()[0];
            }
            if (type == byte[].class) {
                return "%PDF-1.4 intruder".getBytes(StandardCharsets.US_ASCII);
            }
            if (type == String.class) {
                return "intruder@example.com";
            }
            if (type == boolean.class || type == Boolean.class) {
                return true;
            }
            if (type == int.class || type == Integer.class) {
                return 10;
            }
            if (type == long.class || type == Long.class) {
                return 10L;
            }
            if (type == java.math.BigDecimal.class) {
                return new java.math.BigDecimal("10.00");
            }
            if (type == java.util.Currency.class) {
                return java.util.Currency.getInstance("USD");
            }
            if (type == Instant.class) {
                return Instant.parse("2026-01-01T00:00:00Z");
            }
            if (type == java.time.LocalDate.class) {
                return java.time.LocalDate.of(2026, 1, 1);
            }
            if (type == java.time.Instant.class) {
                return java.time.Instant.parse("2026-01-01T00:00:00Z");
            }
            if (type == java.time.ZoneId.class || type == java.time.ZoneOffset.class) {
                return java.time.ZoneOffset.UTC;
            }
            if (type == TransactionHistoryQuery.CsvTarget.class) {
                return (TransactionHistoryQuery.CsvTarget) java.io.StringWriter::new;
            }
            if (type == java.io.InputStream.class) {
                return new java.io.ByteArrayInputStream("not a statement".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            if (type == UI.class) {
                return UI.getCurrent();
            }
            if (type == Consumer.class || type == SerializableConsumer.class) {
                return (SerializableConsumer<Object>) ignored -> {
                };
            }
            throw new AssertionError("The access suite cannot build a " + type.getName() + ": teach Arguments.value");
        }
    }

    /** Whether a parameter of this type carries an id: itself, a record or sealed choice holding one, or a list. */
    private static boolean holdsId(Type generic) {
        if (generic instanceof ParameterizedType parameterized) {
            return holdsId(parameterized.getRawType())
                    || Arrays.stream(parameterized.getActualTypeArguments()).anyMatch(AccessControlTest::holdsId);
        }
        if (!(generic instanceof Class<?> type) || !type.getName().startsWith("dev.billfold.")) {
            return false;
        }
        if (TypedId.class.isAssignableFrom(type)) {
            return true;
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (holdsId(component.getGenericType())) {
                    return true;
                }
            }
        }
        return type.isSealed() && Arrays.stream(type.getPermittedSubclasses()).anyMatch(AccessControlTest::holdsId);
    }

    /** One id of every kind that customer {@code c} owns. */
    private Map<Class<?>, TypedId> ids(Customer c) {
        Map<Class<?>, TypedId> ids = new LinkedHashMap<>();
        ids.put(AccountId.class, c.accountId());
        ids.put(PayerId.class, c.person());
        ids.put(UserId.class, c.userId());
        PaymentMethodId card = data.savedCard(c, c.person(), "4242", true);
        ids.put(PaymentMethodId.class, card);
        ids.put(PaymentId.class, waitingCheckout(c));
        ids.put(InvitationId.class, pendingInvitation(c));
        ids.put(HostedServiceId.class, new ServiceFixtures(jdbc).service(c, "Access VPS", "12.00", "MONTH",
                java.time.LocalDate.now().plusDays(5), "ACTIVE", true));
        ids.put(AdjustmentId.class, waitingAdjustment(c));
        ids.put(dev.billfold.payment.QuoteId.class, openQuote(c));
        waitingRefund(c, (PaymentId) ids.get(PaymentId.class), ids);
        // Statement imports and entries belong to no customer: the staff role is all that guards them.
        ids.put(StatementImportId.class, new StatementImportId(UUID.randomUUID()));
        ids.put(StatementEntryId.class, new StatementEntryId(UUID.randomUUID()));
        // Webhook endpoints and deliveries belong to the provider, not to a customer: the Admin role guards them.
        ids.put(dev.billfold.webhook.WebhookEndpointId.class,
                new dev.billfold.webhook.WebhookEndpointId(UUID.randomUUID()));
        ids.put(dev.billfold.webhook.WebhookDeliveryId.class,
                new dev.billfold.webhook.WebhookDeliveryId(UUID.randomUUID()));
        // API keys belong to no customer either (issue 17).
        ids.put(ApiKeyId.class, new ApiKeyId(UUID.randomUUID()));
        decidedDocuments(c, (PaymentId) ids.get(PaymentId.class), ids);
        return ids;
    }

    /** A quote still valid for a day: a missing check would hand another account's price out (DD-093). */
    private dev.billfold.payment.QuoteId openQuote(Customer c) {
        var id = new dev.billfold.payment.QuoteId(UUID.randomUUID());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                        insert into payment_quote (id, account_id, pay_value, pay_currency, credited_value,
                          credited_currency, rate, mid_rate, spread_percent, rate_source, rate_date, rate_fetched_at,
                          created_at, expires_at)
                        values (?, ?, 48.11, 'EUR', 50.00, 'USD', 1.039408866995, 1.055, 1.5, 'fixed', ?, ?, ?, ?)""")
                .params(id.value(), c.accountId().value(), now.toLocalDate(), now, now, now.plusDays(1)).update();
        return id;
    }

    /** A credit waiting for a second Finance member: a missing check on the approval would post it. */
    private AdjustmentId waitingAdjustment(Customer c) {
        var id = new AdjustmentId(UUID.randomUUID());
        jdbc.sql("""
                        insert into balance_adjustment (id, account_id, amount_value, amount_currency, category, note,
                          status, requested_by, requested_at, version)
                        values (?, ?, 900.00, 'USD', 'GOODWILL', 'Access fixture', 'AWAITING_APPROVAL', ?, ?, 0)""")
                .params(id.value(), c.accountId().value(), c.userId().value(), OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        return id;
    }

    /**
     * A refund request of the customer's, awaiting approval, with one part due for a bank payout: a missing check on
     * the approval, the rejection or the payout would move its money. Rows only: the reservation's ledger entry does
     * not matter to an access check, and no money moves here.
     */
    private void waitingRefund(Customer c, PaymentId payment, Map<Class<?>, TypedId> ids) {
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        var request = new dev.billfold.refund.RefundRequestId(UUID.randomUUID());
        jdbc.sql("""
                        insert into refund_request (id, account_id, amount_value, amount_currency, origin, status,
                          request_key, requested_by, requested_at, payout_holder, payout_iban, version)
                        values (?, ?, 10.00, 'USD', 'CUSTOMER', 'AWAITING_APPROVAL', ?, ?, ?, 'Pat', 'DE89370400440532013000',
                          0)""")
                .params(request.value(), c.accountId().value(), UUID.randomUUID().toString(), c.userId().value(), now)
                .update();
        var part = new dev.billfold.refund.RefundPartId(UUID.randomUUID());
        jdbc.sql("""
                        insert into refund_part (id, request_id, account_id, payment_id, amount_value, amount_currency,
                          position, route, destination, status, idempotency_key, created_at, updated_at, version)
                        values (?, ?, ?, ?, 10.00, 'USD', 0, 'PAYOUT', 'Bank transfer', 'PAYOUT_DUE', ?, ?, ?, 0)""")
                .params(part.value(), request.value(), c.accountId().value(), payment.value(),
                        "refund-" + part.value(), now, now)
                .update();
        ids.put(dev.billfold.refund.RefundRequestId.class, request);
        ids.put(dev.billfold.refund.RefundPartId.class, part);
    }

    /**
     * A payment order and a power of attorney already decided (rejected): a staff call let through then changes
     * nothing, as the staff test's snapshot requires.
     */
    private void decidedDocuments(Customer c, PaymentId payment, Map<Class<?>, TypedId> ids) {
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID file = UUID.randomUUID();
        jdbc.sql("""
                        insert into document_file (id, account_id, file_name, content_type, size_bytes, content,
                          uploaded_by, uploaded_at) values (?, ?, 'order.pdf', 'application/pdf', 4, ?, ?, ?)""")
                .params(file, c.accountId().value(), new byte[] {'%', 'P', 'D', 'F'}, c.userId().value(), now)
                .update();
        var order = new dev.billfold.document.PaymentOrderId(UUID.randomUUID());
        jdbc.sql("""
                        insert into payment_order (id, payment_id, account_id, file_id, status, reason, uploaded_at,
                          decided_by, decided_at, version) values (?, ?, ?, ?, 'REJECTED', 'No stamp', ?, ?, ?, 1)""")
                .params(order.value(), payment.value(), c.accountId().value(), file, now, c.userId().value(), now)
                .update();
        ids.put(dev.billfold.document.PaymentOrderId.class, order);
        var power = new dev.billfold.document.PowerOfAttorneyId(UUID.randomUUID());
        jdbc.sql("""
                        insert into power_of_attorney (id, account_id, payer_id, individual_name, name_key, valid_from,
                          valid_to, file_id, status, reason, uploaded_at, decided_by, decided_at, version)
                        values (?, ?, ?, 'Ivan Petrov', 'ivanpetrov', ?, ?, ?, 'REJECTED', 'Unsigned', ?, ?, ?, 1)""")
                .params(power.value(), c.accountId().value(), c.company().value(), java.time.LocalDate.now(),
                        java.time.LocalDate.now().plusYears(1), file, now, c.userId().value(), now)
                .update();
        ids.put(dev.billfold.document.PowerOfAttorneyId.class, power);
    }

    /** A checkout waiting at the demo provider: a missing check on the return would ask the provider and change it. */
    private PaymentId waitingCheckout(Customer c) {
        var id = new PaymentId(UUID.randomUUID());
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                        insert into payment (id, account_id, payer_id, amount_value, amount_currency, method_kind, provider,
                          provider_reference, idempotency_key, save_method, status, created_at, updated_at, version)
                        values (?, ?, ?, 25.00, 'USD', 'CHECKOUT', 'demo', ?, ?, false, 'WAITING_FOR_PAYMENT', ?, ?, 0)""")
                .params(id.value(), c.accountId().value(), c.person().value(), "cs_access_" + id.value(),
                        "access:" + id.value(), now, now)
                .update();
        return id;
    }

    private InvitationId pendingInvitation(Customer c) {
        var id = new InvitationId(UUID.randomUUID());
        var now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                        insert into invitation (id, account_id, email, role, token_hash, invited_by, created_at, expires_at, version)
                        values (?, ?, ?, 'VIEWER', ?, ?, ?, ?, 0)""")
                .params(id.value(), c.accountId().value(), "invitee-" + id.value() + "@example.com",
                        UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", ""),
                        c.userId().value(), now, now.plusDays(7))
                .update();
        return id;
    }

    /**
     * An invitation of {@code c}'s to {@code email}, valid until {@code expiresAt}, accepted by {@code acceptedBy}
     * if given; returns the link's token.
     */
    private String invitationToken(Customer c, String email, Instant expiresAt, UserId acceptedBy) {
        String token = newToken();
        var created = OffsetDateTime.ofInstant(expiresAt.minus(Duration.ofDays(7)), ZoneOffset.UTC);
        jdbc.sql("""
                        insert into invitation (id, account_id, email, role, token_hash, invited_by, created_at, expires_at,
                          accepted_by, accepted_at, version)
                        values (?, ?, ?, 'VIEWER', ?, ?, ?, ?, ?, ?, 0)""")
                .params(UUID.randomUUID(), c.accountId().value(), email, sha256(token), c.userId().value(), created,
                        OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC),
                        acceptedBy == null ? null : acceptedBy.value(), acceptedBy == null ? null : created)
                .update();
        return token;
    }

    private static String newToken() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                (UUID.randomUUID() + ":" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
    }

    /** As MemberService stores a link's token: its SHA-256, in hex. */
    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private UserId userOf(String username) {
        return new UserId(jdbc.sql("select id from app_user where username = ?").param(username).query(UUID.class).single());
    }

    /** Every row of every table, as text, per table: any insert, update or delete shows up as a difference. */
    private Map<String, String> snapshot() {
        List<String> tables = jdbc.sql("""
                        select table_name from information_schema.tables
                         where lower(table_schema) = 'public' and table_type in ('BASE TABLE', 'TABLE')
                         order by table_name""")
                .query(String.class).list();
        assertThat(tables).contains("payment", "ledger_entry", "account_member", "invitation");
        // Binary columns (uploaded documents) by their content: an array's toString is its identity.
        Function<String, String> rows = table -> jdbc.sql("select * from " + table).query().listOfRows().stream()
                .map(row -> row.entrySet().stream().map(column -> column.getKey() + "=" + (column.getValue()
                        instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : column.getValue())).toList())
                .map(Object::toString).sorted().collect(Collectors.joining("\n"));
        Map<String, String> snapshot = new LinkedHashMap<>();
        tables.forEach(table -> snapshot.put(table, rows.apply(table)));
        return snapshot;
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
