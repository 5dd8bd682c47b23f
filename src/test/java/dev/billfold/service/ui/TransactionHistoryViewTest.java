package dev.billfold.service.ui;

import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.ledger.LedgerEntryKind;
import dev.billfold.payment.ui.PaymentHistoryView;
import dev.billfold.service.RenewalLine;
import dev.billfold.service.RenewalService;
import dev.billfold.service.ServiceFixtures;
import dev.billfold.service.ServiceId;
import dev.billfold.service.TimelineRow;
import dev.billfold.ui.KaribuTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The "All transactions" tab: every balance movement with the running balance, its filters and the CSV link. */
class TransactionHistoryViewTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RenewalService renewals;

    @Test
    void the_timeline_shows_the_credit_and_the_renewal_charge_with_running_balances_and_filters_by_kind_and_date() {
        Customer customer = data.newCustomer("USD");
        var fixtures = new ServiceFixtures(jdbc);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        fixtures.credit(customer, "50.00");
        ServiceId vps = fixtures.service(customer, "VPS", "24.00", "MONTH", today.plusDays(3), "ACTIVE", false);
        signIn(customer.username());
        renewals.renewFromBalance(List.of(new RenewalLine(vps, 1)));

        UI.getCurrent().navigate(PaymentHistoryView.class);
        assertThat(_get(Anchor.class, spec -> spec.withId("tab-transactions")).getHref()).isEqualTo("transactions");
        UI.getCurrent().navigate("transactions");
        NavigatorKt.expectView(TransactionHistoryView.class);

        Grid<TimelineRow> grid = timeline();
        assertThat(GridKt._size(grid)).isEqualTo(2);
        TimelineRow charge = GridKt._get(grid, 0);
        assertThat(charge.kind()).isEqualTo(LedgerEntryKind.CHARGE);
        assertThat(charge.description()).isEqualTo("Renewal: VPS, %s to %s".formatted(today.plusDays(3), today.plusDays(3).plusMonths(1)));
        assertThat(charge.amount().format()).isEqualTo("-$24.00");
        assertThat(charge.balanceAfter().format()).isEqualTo("$26.00");
        assertThat(GridKt._get(grid, 1).balanceAfter().format()).isEqualTo("$50.00");

        _setValue(kindFilter(), Optional.of(LedgerEntryKind.TOP_UP));
        assertThat(GridKt._size(grid)).isZero();
        _setValue(kindFilter(), Optional.of(LedgerEntryKind.CHARGE));
        assertThat(GridKt._size(grid)).isEqualTo(1);

        // The download exports exactly the filtered rows.
        String csv = new String(DownloadKt._download(_get(Anchor.class, spec -> spec.withId("export-csv"))), StandardCharsets.UTF_8);
        assertThat(csv.lines().toList()).hasSize(2).first()
                .isEqualTo("Date (UTC),Kind,Description,Payer,Amount,Currency,Balance after,Reference");
        assertThat(csv.lines().skip(1)).singleElement().asString()
                .contains(",CHARGE,\"Renewal: VPS, ").contains(",-24.00,USD,26.00,renewal:" + vps.value() + ":");

        _setValue(_get(DatePicker.class, spec -> spec.withId("from-filter")), today.plusDays(1));
        assertThat(GridKt._size(grid)).isZero();
        _setValue(_get(DatePicker.class, spec -> spec.withId("to-filter")), today);
        assertThat(_get(Div.class, spec -> spec.withId("timeline-error")).getText()).isEqualTo("The end date is before the start date.");

    }

    @SuppressWarnings("unchecked")
    private static Grid<TimelineRow> timeline() {
        return _get(Grid.class, spec -> spec.withId("timeline-grid"));
    }

    @SuppressWarnings("unchecked")
    private static Select<Optional<LedgerEntryKind>> kindFilter() {
        return _get(Select.class, spec -> spec.withId("kind-filter"));
    }
}
