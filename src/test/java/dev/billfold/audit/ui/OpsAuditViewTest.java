package dev.billfold.audit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.account.PayerService;
import dev.billfold.audit.ActorKind;
import dev.billfold.audit.AuditEntry;
import dev.billfold.audit.AuditQuery;
import dev.billfold.ops.AccountNotes;
import dev.billfold.staff.StaffRole;
import dev.billfold.ui.KaribuTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The back office's whole audit trail: newest first, paged as it scrolls, filtered; staff only. */
class OpsAuditViewTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PayerService payers;
    @Autowired
    AccountNotes notes;

    Customer customer;
    String number;
    String staff;

    /** The customer changes the default payer, then a staff member writes a note on the account. */
    @BeforeEach
    void aCustomerActionAndANote() {
        customer = data.newCustomer("USD");
        number = jdbc.sql("select account_number from account where id = ?").param(customer.accountId().value())
                .query(String.class).single();
        staff = data.newStaffUser();
        TestData.signIn(customer.username());
        var other = payers.all().stream().filter(p -> !p.isDefault()).findFirst().orElseThrow();
        payers.makeDefault(other.id(), other.version());
        TestData.signIn(staff, List.of(StaffRole.SUPPORT));
        notes.add(customer.accountId(), "Asked for the invoice again", false);
        TestData.signOut();
    }

    @Test
    void support_sees_an_accounts_entries_newest_first_with_who_role_and_change_and_narrows_by_actor_and_action() {
        signInStaff(staff, StaffRole.SUPPORT);
        browserTimeZone("UTC");
        UI.getCurrent().navigate(OpsAuditView.class);
        assertThat(_get(RouterLink.class, spec -> spec.withId("ops-nav-audit")).getElement().getTextRecursively()).isEqualTo("Audit trail");
        assertThat(_find(Span.class, spec -> spec.withId("ops-nav-audit-count"))).as("a page, not a queue").isEmpty();

        field("audit-account").setValue(number);
        List<AuditEntry> rows = rows();
        assertThat(rows).extracting(AuditEntry::action)
                .containsExactly(AccountNotes.ACTION, "account.payer.default-changed");
        assertThat(rows.getFirst().actorRole()).isEqualTo("Support");
        assertThat(rows.getFirst().note()).isEqualTo("Asked for the invoice again");
        assertThat(rows.get(1).actorKind()).isEqualTo(ActorKind.CUSTOMER);
        assertThat(rows.get(1).actorRole()).isEqualTo("customer");
        assertThat(rows.get(1).changeLabel()).contains("\u2192");
        assertThat(rows).allMatch(entry -> number.equals(entry.accountNumber()));

        field("audit-actor").setValue(staff.substring(0, 14).toUpperCase());
        assertThat(rows()).extracting(AuditEntry::action).containsExactly(AccountNotes.ACTION);
        field("audit-actor").clear();
        field("audit-action").setValue("account.payer");
        assertThat(rows()).extracting(AuditEntry::action).containsExactly("account.payer.default-changed");
        field("audit-action").setValue("account.pay");
        assertThat(rows()).as("a code's parts, not any start of it").isEmpty();
    }

    @Test
    void the_stored_english_lines_read_in_russian_and_follow_a_language_switch() {
        signInStaff(staff, StaffRole.SUPPORT);
        UI.getCurrent().setLocale(Locale.of("ru"));
        UI.getCurrent().navigate(OpsAuditView.class);
        field("audit-account").setValue(number);

        List<AuditEntry> rows = rows();
        String payer = rows.get(1).text().replaceFirst("^Made (.+) the default payer$", "$1");
        // When, Account, Who, Role, What, ...
        assertThat(whatColumn()).containsExactly("Заметка сотрудника", payer + " выбран основным плательщиком");
        assertThat(rows).extracting(AuditEntry::text).as("the record keeps the words it was written in")
                .containsExactly("Note by staff", "Made " + payer + " the default payer");

        UI.getCurrent().setLocale(Locale.of("sw"));
        assertThat(whatColumn()).containsExactly("Dokezo la mfanyakazi", payer + " amefanywa mlipaji wa chaguo-msingi");
    }

    private static List<String> whatColumn() {
        Grid<AuditEntry> grid = grid();
        return java.util.stream.IntStream.range(0, GridKt._size(grid))
                .mapToObj(i -> GridKt._getFormattedRow(grid, i).get(4)).toList();
    }

    @Test
    void a_date_range_selects_by_day_and_an_end_before_the_start_is_refused_with_a_message() {
        signInStaff(staff, StaffRole.FINANCE);
        browserTimeZone("UTC");
        UI.getCurrent().navigate(OpsAuditView.class);
        field("audit-account").setValue(number);
        LocalDate day = LocalDate.ofInstant(rows().getFirst().at(), ZoneOffset.UTC);

        date("audit-from").setValue(day);
        date("audit-to").setValue(day);
        assertThat(rows()).hasSize(2);
        date("audit-from").setValue(day.plusDays(1));
        assertThat(_get(Div.class, spec -> spec.withId("audit-banner")).getText())
                .isEqualTo("The end date is before the start date.");
        assertThat(rows()).as("the grid keeps the last accepted filter").hasSize(2);
        date("audit-to").setValue(day.plusDays(2));
        assertThat(_find(Div.class, spec -> spec.withId("audit-banner"))).as("the message is gone").isEmpty();
        assertThat(rows()).isEmpty();
    }

    @Test
    void the_grid_fetches_page_by_page_past_the_services_page_size() {
        TestData.signIn(staff, List.of(StaffRole.SUPPORT));
        for (int i = 0; i < AuditQuery.PAGE_SIZE + 5; i++) {
            notes.add(customer.accountId(), "note " + i, false);
        }
        signInStaff(staff, StaffRole.SUPPORT);
        UI.getCurrent().navigate(OpsAuditView.class);
        field("audit-account").setValue(number);

        List<AuditEntry> rows = rows();
        assertThat(rows).hasSize(AuditQuery.PAGE_SIZE + 7);
        assertThat(rows.getFirst().note()).isEqualTo("note " + (AuditQuery.PAGE_SIZE + 4));
        assertThat(rows.getLast().action()).isEqualTo("account.payer.default-changed");
        assertThat(GridKt._fetch(grid(), AuditQuery.PAGE_SIZE - 2, 4)).extracting(AuditEntry::note)
                .as("a range across two of the service's pages")
                .containsExactly("note 6", "note 5", "note 4", "note 3");
    }

    @Test
    void a_customer_is_refused_the_page() {
        signIn(customer.username());
        assertThatThrownBy(() -> UI.getCurrent().navigate(OpsAuditView.class))
                .isInstanceOf(MockAccessDeniedException.class).hasMessageContaining("OpsAuditView");
        assertThat(_find(Grid.class, spec -> spec.withId("audit-grid"))).isEmpty();
    }

    private static TextField field(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    private static DatePicker date(String id) {
        return _get(DatePicker.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static Grid<AuditEntry> grid() {
        return _get(Grid.class, spec -> spec.withId("audit-grid"));
    }

    private static List<AuditEntry> rows() {
        return GridKt._fetch(grid(), 0, 200);
    }
}
