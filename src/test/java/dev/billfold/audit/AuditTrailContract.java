package dev.billfold.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.staff.StaffRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** Recording into the audit trail and its append-only table, the same on H2 and PostgreSQL. */
abstract class AuditTrailContract {

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditTrail trail;
    @Autowired
    TransactionTemplate transactions;

    Customer customer;

    @BeforeEach
    void aCustomer() {
        customer = data.newCustomer("USD");
    }

    @AfterEach
    void signOut() {
        TestData.signOut();
    }

    AuditEntryId record(AuditEvent event) {
        return transactions.execute(status -> trail.record(event));
    }

    Map<String, Object> row(AuditEntryId id) {
        return jdbc.sql("select * from audit_entry where id = ?").param(id.value()).query().singleRow();
    }

    @Test
    void a_customer_action_records_who_with_which_role_what_and_before_and_after() {
        TestData.signIn(customer.username());
        AuditEntryId id = record(AuditEvent.of("hosting.auto-renew.switched", "Switched auto-renew")
                .account(customer.accountId()).subject(customer.person()).change("on", "off"));

        Map<String, Object> row = row(id);
        assertThat(row.get("actor_kind")).isEqualTo("CUSTOMER");
        assertThat(row.get("actor_user_id")).isEqualTo(customer.userId().value());
        assertThat(row.get("actor_role")).isEqualTo("customer");
        assertThat(row.get("action")).isEqualTo("hosting.auto-renew.switched");
        assertThat(row.get("account_id")).isEqualTo(customer.accountId().value());
        assertThat(row.get("subject_id")).isEqualTo(customer.person().value());
        assertThat(row.get("before_state")).isEqualTo("on");
        assertThat(row.get("after_state")).isEqualTo("off");
        assertThat(row.get("visibility")).isEqualTo("ACCOUNT");
        assertThat(row.get("at")).isNotNull();
    }

    @Test
    void a_staff_action_records_the_staff_roles_and_no_one_signed_in_is_the_system() {
        TestData.signIn(data.newStaffUser(), List.of(StaffRole.FINANCE, StaffRole.SUPPORT));
        Map<String, Object> staff = row(record(AuditEvent.of("ops.test.done", "Did a test").note("Because")));
        assertThat(staff.get("actor_kind")).isEqualTo("STAFF");
        assertThat(staff.get("actor_role")).isEqualTo("Support, Finance");
        assertThat(staff.get("note")).isEqualTo("Because");

        TestData.signOut();
        Map<String, Object> job = row(record(AuditEvent.of("hosting.renewal.charged", "Renewed")));
        assertThat(job.get("actor_kind")).isEqualTo("SYSTEM");
        assertThat(job.get("actor_role")).isEqualTo("system");
        assertThat(job.get("actor_user_id")).isNull();
        assertThat(job.get("client_address")).isNull();
    }

    @Test
    void recording_needs_the_callers_transaction() {
        assertThatThrownBy(() -> trail.record(AuditEvent.of("ops.test.done", "Did a test")))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void the_database_refuses_to_change_or_delete_an_entry() {
        AuditEntryId id = record(AuditEvent.of("ops.test.done", "Did a test").account(customer.accountId()));

        assertThatThrownBy(() -> jdbc.sql("update audit_entry set text = 'forged' where id = ?").param(id.value())
                .update()).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry where id = ?").param(id.value()).update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry").update())
                .isInstanceOf(DataAccessException.class);
        assertThat(row(id).get("text")).isEqualTo("Did a test");
    }

    @Test
    void long_texts_are_cut_and_a_bad_action_code_is_a_programming_error() {
        AuditEvent event = AuditEvent.of("ops.test.done", "x".repeat(500)).change("b".repeat(400), null);
        assertThat(event.text()).hasSize(AuditEvent.MAX_TEXT).endsWith("\u2026");
        assertThat(event.before()).hasSize(AuditEvent.MAX_STATE);
        assertThatThrownBy(() -> AuditEvent.of("Not A Code", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
