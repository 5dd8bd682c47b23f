package dev.billfold.paymentmethod;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.account.PayerId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The change feed between nodes on H2: two {@link MethodChanges} on one database stand for two nodes. The same
 * across two whole application contexts on PostgreSQL: ClusterWideTest.
 */
class MethodChangesTest {

    DriverManagerDataSource database;
    MethodChanges here;
    MethodChanges elsewhere;
    final PayerId payer = PayerId.random();
    final List<PaymentMethodChanged> heard = new ArrayList<>();

    @BeforeEach
    void twoNodesOnOneDatabase() {
        database = new DriverManagerDataSource("jdbc:h2:mem:changes-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        here = new MethodChanges(new MethodChangeFeed(JdbcClient.create(database)));
        elsewhere = new MethodChanges(new MethodChangeFeed(JdbcClient.create(database)));
    }

    @AfterEach
    void drop() {
        JdbcClient.create(database).sql("shutdown").update();
    }

    PaymentMethodChanged confirmed(PayerId of) {
        return new PaymentMethodChanged(PaymentMethodId.random(), of, PaymentMethodStatus.CONFIRMED);
    }

    /** What the application does for a committed change: the row in the transaction, the local listeners after it. */
    void commit(MethodChanges node, PaymentMethodChanged change) {
        node.record(change);
        node.committedHere(change);
    }

    @Test
    void a_change_made_on_another_node_reaches_this_nodes_listener_once() {
        here.subscribe(payer, heard::add);
        here.relayFromOtherNodes();
        PaymentMethodChanged change = confirmed(payer);
        commit(elsewhere, change);

        assertThat(here.relayFromOtherNodes()).isEqualTo(1);
        for (int i = 0; i < 3; i++) {
            assertThat(here.relayFromOtherNodes()).as("look %d after it", i + 2).isZero();
        }
        assertThat(heard).containsExactly(change);
    }

    @Test
    void a_change_made_here_is_told_once_right_after_the_commit_and_not_again_by_the_relay() {
        here.subscribe(payer, heard::add);
        PaymentMethodChanged change = confirmed(payer);
        commit(here, change);
        assertThat(heard).containsExactly(change);

        assertThat(here.relayFromOtherNodes()).isZero();
        assertThat(heard).containsExactly(change);
    }

    @Test
    void a_page_that_opens_just_after_a_change_elsewhere_still_hears_of_it() {
        PaymentMethodChanged change = confirmed(payer);
        commit(elsewhere, change);
        here.subscribe(payer, heard::add);
        here.relayFromOtherNodes();
        assertThat(heard).containsExactly(change);
    }

    @Test
    void only_listeners_of_the_changed_payer_hear_of_it_and_a_cancelled_one_no_more() {
        List<PaymentMethodChanged> other = new ArrayList<>();
        here.subscribe(PayerId.random(), other::add);
        MethodChanges.Subscription subscription = here.subscribe(payer, heard::add);
        here.relayFromOtherNodes();
        PaymentMethodChanged first = confirmed(payer);
        commit(elsewhere, first);
        here.relayFromOtherNodes();
        subscription.cancel();
        commit(elsewhere, confirmed(payer));
        here.relayFromOtherNodes();

        assertThat(heard).containsExactly(first);
        assertThat(other).isEmpty();
    }

    @Test
    void without_listeners_a_node_reads_nothing() {
        commit(elsewhere, confirmed(payer));
        assertThat(here.relayFromOtherNodes()).isZero();
    }
}
