package dev.billfold.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.audit.ActorKind;
import dev.billfold.audit.AuditEntry;
import dev.billfold.audit.AuditFilter;
import dev.billfold.audit.AuditPage;
import dev.billfold.audit.AuditQuery;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.history.ActivityQuery;
import dev.billfold.history.ActivityRow;
import dev.billfold.hosting.RenewalService;
import dev.billfold.staff.StaffRole;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Notes by staff, the staff trail and the customers' Activity, on H2 and PostgreSQL (DD-061). */
abstract class AccountNotesContract {

    @Autowired
    TestData data;
    @Autowired
    AccountNotes notes;
    @Autowired
    AuditQuery trail;
    @Autowired
    ActivityQuery activity;
    @Autowired
    dev.billfold.account.PayerService payers;

    Customer customer;
    String staffUser;

    @BeforeEach
    void aCustomerAndAStaffMember() {
        customer = data.newCustomer("USD");
        staffUser = data.newStaffUser();
    }

    @AfterEach
    void signOut() {
        TestData.signOut();
    }

    @Test
    void a_note_is_listed_newest_first_and_only_a_note_for_the_customer_shows_on_activity_as_billing_team() {
        TestData.signIn(staffUser, List.of(StaffRole.SUPPORT));
        notes.add(customer.accountId(), "Called about the unpaid invoice", false);
        notes.add(customer.accountId(), "We credited your transfer", true);

        AuditPage listed = notes.notes(customer.accountId(), 0);
        assertThat(listed.entries()).extracting(AuditEntry::note)
                .containsExactly("We credited your transfer", "Called about the unpaid invoice");
        assertThat(listed.entries().getFirst().actorKind()).isEqualTo(ActorKind.STAFF);
        assertThat(listed.entries().getFirst().actorRole()).isEqualTo("Support");

        TestData.signIn(customer.username());
        List<ActivityRow> rows = activity.page(customer.accountId(), 0).rows();
        assertThat(rows).extracting(ActivityRow::who).containsExactly("Billing team");
        assertThat(rows).extracting(ActivityRow::note).containsExactly("We credited your transfer");
        assertThat(rows.toString()).doesNotContain(listed.entries().getFirst().actorName());
    }

    @Test
    void a_customer_action_is_on_activity_with_the_members_name_and_in_the_staff_trail_by_account_number() {
        TestData.signIn(customer.username());
        var other = payers.all().stream().filter(p -> !p.isDefault()).findFirst().orElseThrow();
        payers.makeDefault(other.id(), other.version());

        ActivityRow row = activity.page(customer.accountId(), 0).rows().getFirst();
        assertThat(row.text()).contains("the default payer");
        assertThat(row.who()).isNotEqualTo("Billing team").isNotBlank();

        TestData.signIn(staffUser, List.of(StaffRole.FINANCE));
        String number = notes.trail(customer.accountId(), 0).entries().getFirst().accountNumber();
        AuditPage page = trail.page(AuditFilter.account(number), 0);
        assertThat(page.entries()).extracting(AuditEntry::action).contains("account.payer.default-changed");
        assertThat(page.entries().getFirst().actorKind()).isEqualTo(ActorKind.CUSTOMER);
        assertThat(trail.page(AuditFilter.account("000000000"), 0).entries()).isEmpty();
    }

    @Test
    void pages_hold_at_most_a_page_and_say_whether_more_follow() {
        TestData.signIn(staffUser, List.of(StaffRole.SUPPORT));
        for (int i = 0; i < AuditQuery.PAGE_SIZE + 2; i++) {
            notes.add(customer.accountId(), "note " + i, true);
        }
        AuditPage first = notes.trail(customer.accountId(), 0);
        assertThat(first.entries()).hasSize(AuditQuery.PAGE_SIZE);
        assertThat(first.hasMore()).isTrue();
        assertThat(first.entries().getFirst().note()).isEqualTo("note " + (AuditQuery.PAGE_SIZE + 1));
        assertThat(notes.trail(customer.accountId(), 1).entries()).hasSize(2);

        TestData.signIn(customer.username());
        assertThat(activity.page(customer.accountId(), 0).hasMore()).isTrue();
        assertThat(activity.page(customer.accountId(), 1).rows()).hasSize(2);
    }

    @Test
    void customers_are_refused_staff_pages_and_another_accounts_activity_and_bad_notes_change_nothing() {
        Customer other = data.newCustomer("USD");
        TestData.signIn(customer.username());
        assertThatThrownBy(() -> notes.add(customer.accountId(), "x", true)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> trail.page(AuditFilter.ALL, 0)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> activity.page(other.accountId(), 0)).isInstanceOf(InvalidRequestException.class);

        TestData.signIn(staffUser, List.of(StaffRole.SUPPORT));
        assertThatThrownBy(() -> notes.add(customer.accountId(), "  ", false))
                .isInstanceOf(InvalidRequestException.class).hasMessage("Write the note first.");
        assertThatThrownBy(() -> notes.add(customer.accountId(), "x".repeat(AccountNotes.MAX_NOTE + 1), false))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(notes.notes(customer.accountId(), 0).entries()).isEmpty();
    }
}
