package dev.billfold.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import dev.billfold.SignedIn;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.account.ui.AccountViews;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.history.TimelineRow;
import dev.billfold.history.TransactionHistoryQuery;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.PaymentRow;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.payment.TopUpService;
import dev.billfold.payment.ui.PaymentViews;
import dev.billfold.paymentmethod.PaymentMethodId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Times on the history pages are the customer's own clock: the browser's zone, or UTC when it sent none we know. */
class LocalTimesViewTest extends KaribuTest {

    /** 22:05 in Tashkent and in Almaty (both UTC+5: Kazakhstan moved to one zone in March 2024), 21:05 in Dubai. */
    static final Instant PAID = Instant.parse("2026-11-25T17:05:00Z");

    @Autowired
    TestData data;
    @Autowired
    TopUpService topUps;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionHistoryQuery timeline;

    @SignedIn
    Customer customer;
    PaymentId payment;

    @BeforeEach
    void aTopUpAtAKnownInstant() {
        PaymentMethodId card = data.savedCard(customer, customer.person(), "4242", true);
        payment = ((TopUpOutcome.Completed) topUps.topUp(new TopUpRequest(customer.person(), "40",
                new MethodChoice.Saved(card), false, UUID.randomUUID().toString()))).paymentId();
        var at = PAID.atOffset(ZoneOffset.UTC);
        jdbc.sql("update payment set created_at = ?, updated_at = ? where id = ?").params(at, at, payment.value()).update();
        jdbc.sql("update ledger_entry set created_at = ? where account_id = ?").params(at, customer.accountId().value()).update();
    }

    @Test
    void the_payment_history_and_its_detail_show_the_time_in_the_browser_zone_and_name_it() {
        browserTimeZone("Asia/Tashkent");
        UI.getCurrent().navigate(PaymentViews.HISTORY);

        Grid<PaymentRow> grid = historyGrid();
        assertThat(grid.getColumns().getFirst().getHeaderText()).isEqualTo("Date (Asia/Tashkent)");
        assertThat(GridKt._getFormattedRow(grid, 0).getFirst()).isEqualTo("2026-11-25 22:05");

        grid.select(GridKt._get(grid, 0));
        String detail = _get(Div.class, spec -> spec.withId("payment-detail")).getElement().getTextRecursively();
        assertThat(detail).contains("2026-11-25 22:05 UTC+05:00").doesNotContain("17:05");
    }

    @Test
    void the_timeline_date_filter_means_days_in_the_browser_zone() {
        // 20:30 UTC on the 25th is 01:30 on the 26th in Tashkent.
        jdbc.sql("update ledger_entry set created_at = ? where account_id = ?")
                .params(Instant.parse("2026-11-25T20:30:00Z").atOffset(ZoneOffset.UTC), customer.accountId().value()).update();
        var tashkent = java.time.ZoneId.of("Asia/Tashkent");
        var the25th = java.time.LocalDate.parse("2026-11-25");
        var the26th = the25th.plusDays(1);

        assertThat(timeline.count(new TransactionHistoryQuery.Filter(null, null, the26th, the26th, tashkent))).isEqualTo(1);
        assertThat(timeline.count(new TransactionHistoryQuery.Filter(null, null, the25th, the25th, tashkent))).isZero();
        assertThat(timeline.count(new TransactionHistoryQuery.Filter(null, null, the25th, the25th))).as("UTC days").isEqualTo(1);
    }

    @Test
    void a_pending_invitation_expires_at_the_browser_zone_time() {
        var sent = PAID.atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                        insert into invitation (id, account_id, email, role, token_hash, invited_by, created_at, expires_at, version)
                        values (?, ?, 'guest@example.com', 'BILLING', ?, ?, ?, ?, 0)""")
                .params(UUID.randomUUID(), customer.accountId().value(), "f".repeat(64), customer.userId().value(), sent,
                        // Far ahead of any day the suite runs on, so the invitation is still pending.
                        sent.plusYears(10).plusDays(7))
                .update();
        browserTimeZone("Asia/Almaty");
        UI.getCurrent().navigate(AccountViews.MEMBERS);

        assertThat(_get(Div.class, spec -> spec.withId("invitation-list")).getElement().getTextRecursively())
                .contains("expires 2036-12-02 22:05 UTC+05:00");
    }

    @Test
    void the_transaction_timeline_shows_the_time_in_the_browser_zone() {
        browserTimeZone("Asia/Dubai");
        UI.getCurrent().navigate("transactions");

        Grid<TimelineRow> grid = _get(Grid.class, spec -> spec.withId("timeline-grid"));
        assertThat(grid.getColumns().getFirst().getHeaderText()).isEqualTo("Date (Asia/Dubai)");
        assertThat(GridKt._getFormattedRow(grid, 0).getFirst()).isEqualTo("2026-11-25 21:05");
        String csv = new String(DownloadKt._download(_get(Anchor.class, spec -> spec.withId("export-csv"))),
                StandardCharsets.UTF_8);
        assertThat(csv.lines().skip(1)).as("the export stays in UTC, with its offset").singleElement().asString()
                .startsWith("2026-11-25T17:05:00Z,TOP_UP,");
    }

    @Test
    void the_renewal_activity_shows_the_time_with_its_offset() {
        jdbc.sql("insert into renewal_event (id, account_id, service_id, kind, message, created_at) values (?, ?, null, ?, ?, ?)")
                .params(UUID.randomUUID(), customer.accountId().value(), "ORDER_PLACED", "Order placed.",
                        PAID.atOffset(ZoneOffset.UTC)).update();
        browserTimeZone("Asia/Tashkent");
        UI.getCurrent().navigate("renewals");

        assertThat(_get(Div.class, spec -> spec.withId("renewal-activity")).getElement().getTextRecursively())
                .contains("2026-11-25 22:05 UTC+05:00 · Order placed.");
    }

    @Test
    void a_zone_the_browser_did_not_send_or_that_is_not_a_zone_falls_back_to_utc() {
        browserTimeZone("Asia/Tashkent\"><script>alert(1)</script>");
        UI.getCurrent().navigate(PaymentViews.HISTORY);

        Grid<PaymentRow> grid = historyGrid();
        assertThat(grid.getColumns().getFirst().getHeaderText()).isEqualTo("Date (UTC)");
        assertThat(GridKt._getFormattedRow(grid, 0).getFirst()).isEqualTo("2026-11-25 17:05");
        grid.select(GridKt._get(grid, 0));
        assertThat(_get(Div.class, spec -> spec.withId("payment-detail")).getElement().getTextRecursively())
                .contains("2026-11-25 17:05 UTC");

        assertThat(LocalTimes.of(null).label()).isEqualTo("UTC");
        assertThat(LocalTimes.of("").label()).isEqualTo("UTC");
        assertThat(LocalTimes.of("Mars/Olympus_Mons").label()).isEqualTo("UTC");
        assertThat(LocalTimes.of("../../etc/passwd").label()).isEqualTo("UTC");
        assertThat(LocalTimes.of("Etc/UTC").formatWithOffset(PAID)).isEqualTo("2026-11-25 17:05 UTC");
    }

    @SuppressWarnings("unchecked")
    private static Grid<PaymentRow> historyGrid() {
        return _get(Grid.class, spec -> spec.withId("history-grid"));
    }
}
