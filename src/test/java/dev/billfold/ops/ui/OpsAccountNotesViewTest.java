package dev.billfold.ops.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.QueryParameters;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.audit.AuditEntry;
import dev.billfold.audit.Visibility;
import dev.billfold.hosting.HostedServiceId;
import dev.billfold.hosting.RenewalService;
import dev.billfold.hosting.ServiceFixtures;
import dev.billfold.ops.AccountNotes;
import dev.billfold.staff.StaffRole;
import dev.billfold.ui.KaribuTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Notes by staff and the account's audit trail on the back office's account page. */
class OpsAccountNotesViewTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RenewalService renewals;

    Customer customer;
    String staff;

    /** The customer switches auto-renew on one of their services before staff look at the account. */
    @BeforeEach
    void aCustomerWhoSwitchedAutoRenew() {
        customer = data.newCustomer("USD");
        HostedServiceId vps = new ServiceFixtures(jdbc).service(customer, "VPS Audit-1", "12.00", "MONTH",
                LocalDate.now(ZoneOffset.UTC).plusDays(10), "ACTIVE", false);
        TestData.signIn(customer.username());
        renewals.setAutoRenew(vps, true);
        TestData.signOut();
        staff = data.newStaffUser();
    }

    @Test
    void support_writes_a_note_for_the_customer_and_sees_it_in_the_notes_and_on_top_of_the_trail() {
        signInStaff(staff, StaffRole.SUPPORT);
        open();
        assertThat(trail()).extracting(AuditEntry::action).containsExactly("hosting.auto-renew.switched");
        assertThat(notes()).isEmpty();

        _get(TextArea.class, spec -> spec.withId("note-text")).setValue("Your transfer arrived; we credited it.");
        _get(Checkbox.class, spec -> spec.withId("note-customer-visible")).setValue(true);
        _click(_get(Button.class, spec -> spec.withId("note-add")));

        assertThat(_get(Div.class, spec -> spec.withId("ops-account-banner")).getText()).isEqualTo("Note added.");
        assertThat(_get(TextArea.class, spec -> spec.withId("note-text")).getValue()).isEmpty();
        assertThat(notes()).singleElement().satisfies(note -> {
            assertThat(note.note()).isEqualTo("Your transfer arrived; we credited it.");
            assertThat(note.visibility()).isEqualTo(Visibility.ACCOUNT_WITH_NOTE);
            assertThat(note.actorRole()).isEqualTo("Support");
        });
        assertThat(trail()).extracting(AuditEntry::action)
                .containsExactly(AccountNotes.ACTION, "hosting.auto-renew.switched");
        assertThat(trail().get(1).changeLabel()).isEqualTo("Off \u2192 On");
    }

    @Test
    void a_note_left_empty_gets_a_field_error_and_writes_nothing_and_an_unticked_note_stays_with_staff() {
        signInStaff(staff, StaffRole.FINANCE);
        open();
        _click(_get(Button.class, spec -> spec.withId("note-add")));
        TextArea text = _get(TextArea.class, spec -> spec.withId("note-text"));
        assertThat(text.isInvalid()).isTrue();
        assertThat(text.getErrorMessage()).isEqualTo("Write the note first.");
        assertThat(notes()).isEmpty();

        text.setValue("Internal: customer called twice");
        _click(_get(Button.class, spec -> spec.withId("note-add")));
        assertThat(text.isInvalid()).isFalse();
        assertThat(notes()).extracting(AuditEntry::visibility).containsExactly(Visibility.STAFF);
        assertThat(notes().getFirst().actorRole()).isEqualTo("Finance");
    }

    private void open() {
        UI.getCurrent().navigate(OpsAccountView.class,
                QueryParameters.of(OpsAccountView.ID, customer.accountId().value().toString()));
    }

    private static List<AuditEntry> trail() {
        return GridKt._fetch(grid("ops-account-trail"), 0, 100);
    }

    private static List<AuditEntry> notes() {
        return GridKt._fetch(grid("ops-account-notes"), 0, 100);
    }

    @SuppressWarnings("unchecked")
    private static Grid<AuditEntry> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }
}
