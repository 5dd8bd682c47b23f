package dev.billfold.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.account.PayerDetails;
import dev.billfold.account.PayerDraft;
import dev.billfold.account.PayerId;
import dev.billfold.account.PayerService;
import dev.billfold.account.PayerType;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.gateway.GatewayResult;
import dev.billfold.history.ActivityQuery;
import dev.billfold.history.ActivityRow;
import dev.billfold.hosting.HostedServiceId;
import dev.billfold.hosting.RenewalService;
import dev.billfold.hosting.ServiceFixtures;
import dev.billfold.paymentmethod.PaymentMethodId;
import dev.billfold.paymentmethod.PaymentMethodService;
import dev.billfold.staff.StaffRole;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each sensitive customer action the issue lists leaves one entry through the feature's own service (payers, saved
 * methods, auto-renew and automatic top-up; members and invitations are in MemberServiceContract): staff read it on
 * the account's trail with the member as the actor, and the members read it on Activity. A change that changes
 * nothing, or is refused, leaves none.
 */
abstract class CustomerActionsAuditContract {

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    PayerService payers;
    @Autowired
    PaymentMethodService methods;
    @Autowired
    RenewalService renewals;
    @Autowired
    AuditQuery trail;
    @Autowired
    ActivityQuery activity;

    Customer customer;
    String number;

    @BeforeEach
    void anOwnerSignedIn() {
        customer = data.newCustomer("USD");
        number = jdbc.sql("select account_number from account where id = ?").param(customer.accountId().value())
                .query(String.class).single();
        TestData.signIn(customer.username());
    }

    @AfterEach
    void signOut() {
        TestData.signOut();
    }

    @Test
    void payers_added_changed_made_default_and_archived_are_recorded_with_before_and_after() {
        PayerDetails added = payers.add(new PayerDraft(PayerType.COMPANY, "Audit Works GmbH", "DE123456789", "1 Audit Street",
                "DE", "audit@example.com"));
        PayerDetails unchanged = payers.update(added.id(), added.version(), PayerDraft.of(added));
        PayerDetails renamed = payers.update(added.id(), unchanged.version(), new PayerDraft(PayerType.COMPANY,
                "Audit Works AG", "DE123456789", "1 Audit Street", "DE", "audit@example.com"));
        PayerDetails made = payers.makeDefault(renamed.id(), renamed.version());
        payers.archive(made.id(), made.version(), customer.person());

        List<AuditEntry> entries = staffTrail();
        assertThat(entries).extracting(AuditEntry::action).containsExactly("account.payer.archived",
                "account.payer.default-changed", "account.payer.changed", "account.payer.added");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.actorKind()).isEqualTo(ActorKind.CUSTOMER);
            assertThat(entry.subjectId()).isEqualTo(added.id().value());
        });
        assertThat(entries.get(1).changeLabel()).isEqualTo("Pat Person \u2192 Audit Works AG");
        assertThat(entries.get(2).before()).contains("Audit Works GmbH");
        assertThat(entries.get(2).after()).contains("Audit Works AG");
        assertThat(entries.get(0).after()).isEqualTo("Archived; default: Pat Person");
        assertThat(activityTexts()).containsExactly("Archived the payer Audit Works AG",
                "Made Audit Works AG the default payer", "Changed the payer Audit Works AG",
                "Added the payer Audit Works GmbH");
    }

    @Test
    void saved_methods_added_made_default_and_removed_are_recorded() {
        PaymentMethodId first = data.savedCard(customer, customer.person(), "4242", true);
        transactions.executeWithoutResult(status -> methods.recordConfirmedFromCheckout(customer.accountId(),
                customer.person(), "demo", new GatewayResult.StoredMethod("tok-" + UUID.randomUUID(),
                        "Mastercard \u2022\u2022\u2022\u2022 4444", YearMonth.of(2031, 1))));
        PaymentMethodId second = new PaymentMethodId(jdbc.sql("select id from payment_method where payer_id = ? and id <> ?")
                .params(customer.person().value(), first.value()).query(UUID.class).single());
        methods.makeDefault(second);
        methods.remove(first);

        List<AuditEntry> entries = staffTrail();
        assertThat(entries).extracting(AuditEntry::action).containsExactly("paymentmethod.removed",
                "paymentmethod.default-changed", "paymentmethod.added");
        assertThat(entries.get(2).after()).isEqualTo("Mastercard \u2022\u2022\u2022\u2022 4444");
        assertThat(entries.get(0).subjectId()).isEqualTo(first.value());
        assertThat(entries).extracting(AuditEntry::actorKind).containsOnly(ActorKind.CUSTOMER);
        assertThat(activityTexts()).hasSize(3);
    }

    @Test
    void auto_renew_and_automatic_top_up_switches_are_recorded_once_per_real_change() {
        HostedServiceId vps = new ServiceFixtures(jdbc).service(customer, "VPS Trail-2", "9.00", "MONTH",
                LocalDate.now(ZoneOffset.UTC).plusDays(3), "ACTIVE", false);
        renewals.setAutoRenew(vps, true);
        renewals.setAutoRenew(vps, true);
        renewals.setAutoRenew(vps, false);
        renewals.setAutoTopUp(true, customer.person());

        List<AuditEntry> entries = staffTrail();
        assertThat(entries).extracting(AuditEntry::action).containsExactly("hosting.auto-top-up.switched",
                "hosting.auto-renew.switched", "hosting.auto-renew.switched");
        assertThat(entries).extracting(AuditEntry::changeLabel).containsExactly("Off \u2192 On", "On \u2192 Off",
                "Off \u2192 On");
        assertThat(entries.get(1).subjectId()).isEqualTo(vps.value());
        assertThat(activityTexts().get(2)).isEqualTo("Switched auto-renewal on for VPS Trail-2");
    }

    @Test
    void a_refused_change_by_a_viewer_records_nothing() {
        HostedServiceId vps = new ServiceFixtures(jdbc).service(customer, "VPS Trail-3", "9.00", "MONTH",
                LocalDate.now(ZoneOffset.UTC).plusDays(3), "ACTIVE", false);
        TestData.signIn(data.addMember(customer.accountId(), "VIEWER"));
        assertThatThrownBy(() -> renewals.setAutoRenew(vps, true)).isInstanceOf(InvalidRequestException.class);
        PayerId company = customer.company();
        assertThatThrownBy(() -> payers.makeDefault(company, 0)).isInstanceOf(RuntimeException.class);

        assertThat(staffTrail()).isEmpty();
        assertThat(activity.page(customer.accountId(), 0).rows()).as("the viewer reads the empty trail").isEmpty();
    }

    private List<AuditEntry> staffTrail() {
        SecurityContext signedIn = SecurityContextHolder.getContext();
        TestData.signIn(data.newStaffUser(), List.of(StaffRole.SUPPORT));
        try {
            return trail.page(AuditFilter.account(number), 0).entries();
        } finally {
            SecurityContextHolder.setContext(signedIn);
        }
    }

    private List<String> activityTexts() {
        return activity.page(customer.accountId(), 0).rows().stream().map(ActivityRow::text).toList();
    }
}
