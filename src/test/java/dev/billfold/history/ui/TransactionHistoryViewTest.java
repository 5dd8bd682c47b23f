package dev.billfold.history.ui;

import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.account.PayerId;
import dev.billfold.account.PayerService;
import dev.billfold.account.PayerSummary;
import dev.billfold.base.Money;
import dev.billfold.base.ui.LightSelect;
import dev.billfold.history.HistoryProperties;
import dev.billfold.history.TimelineRow;
import dev.billfold.hosting.HostedServiceId;
import dev.billfold.hosting.RenewalLine;
import dev.billfold.hosting.RenewalService;
import dev.billfold.hosting.ServiceFixtures;
import dev.billfold.language.Language;
import dev.billfold.language.ui.LanguageSwitcher;
import dev.billfold.ledger.Ledger;
import dev.billfold.ledger.LedgerEntryKind;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.payment.TopUpService;
import dev.billfold.payment.ui.PaymentViews;
import dev.billfold.paymentmethod.PaymentMethodId;
import dev.billfold.ui.KaribuTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The "All transactions" tab: every balance movement (top-ups, charges, refunds, adjustments) with the running
 * balance, its filters (the payer one following the header's active payer) and the CSV link.
 */
class TransactionHistoryViewTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RenewalService renewals;
    @Autowired
    TopUpService topUps;
    @Autowired
    PayerService payers;
    @Autowired
    Ledger ledger;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    HistoryProperties history;

    @Test
    void the_timeline_shows_the_credit_and_the_renewal_charge_with_running_balances_and_filters_by_kind_and_date() {
        Customer customer = data.newCustomer("USD");
        var fixtures = new ServiceFixtures(jdbc);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        fixtures.credit(customer, "50.00");
        HostedServiceId vps = fixtures.service(customer, "VPS", "24.00", "MONTH", today.plusDays(3), "ACTIVE", false);
        signIn(customer.username());
        renewals.renewFromBalance(List.of(new RenewalLine(vps, 1)));

        UI.getCurrent().navigate(PaymentViews.HISTORY);
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
                .isEqualTo("Date (ISO 8601 UTC),Kind,Description,Payer,Amount,Currency,Balance after,Reference");
        assertThat(csv.lines().skip(1)).singleElement().asString()
                .contains(",CHARGE,\"Renewal: VPS, ").contains(",-24.00,USD,26.00,renewal:" + vps.value() + ":");

        _setValue(_get(DatePicker.class, spec -> spec.withId("from-filter")), today.plusDays(1));
        assertThat(GridKt._size(grid)).isZero();
        _setValue(_get(DatePicker.class, spec -> spec.withId("to-filter")), today);
        assertThat(_get(Div.class, spec -> spec.withId("timeline-error")).getText()).isEqualTo("The end date is before the start date.");

    }

    @Test
    void the_payer_filter_starts_on_the_active_payer_follows_the_header_switch_and_can_show_all_payers() {
        Customer customer = data.newCustomer("USD");
        new ServiceFixtures(jdbc).credit(customer, "10.00");
        signIn(customer.username());
        topUp(customer, customer.person(), "4242", "40");
        topUp(customer, customer.company(), "4444", "25");
        payers.switchTo(customer.company());

        UI.getCurrent().navigate("transactions");
        NavigatorKt.expectView(TransactionHistoryView.class);

        assertThat(payerFilter().getValue()).map(PayerSummary::id).contains(customer.company());
        assertThat(payersListed()).as("the company's top-up and the account's own adjustment")
                .containsExactly("Pat Company Ltd", "");

        _setValue(switcher(), switcherItem(customer.person()));
        assertThat(payerFilter().getValue()).map(PayerSummary::id).contains(customer.person());
        assertThat(payersListed()).containsExactly("Pat Person", "");

        _setValue(payerFilter(), Optional.empty());
        assertThat(payersListed()).containsExactly("Pat Company Ltd", "Pat Person", "");
        assertThat(payers.active().orElseThrow().id()).as("the filter is the page's, the header keeps the choice")
                .isEqualTo(customer.person());
    }

    @Test
    void a_refund_and_an_adjustment_show_their_kind_and_running_balance_and_the_payer_filter_exports_its_rows() {
        Customer customer = data.newCustomer("USD");
        signIn(customer.username());
        PaymentId personPayment = topUp(customer, customer.person(), "4242", "40");
        topUp(customer, customer.company(), "4444", "25");
        String goodwill = "adjustment:goodwill-" + UUID.randomUUID();
        // Posted the way the settling services post: through the ledger, in the transaction of their cause.
        transaction.executeWithoutResult(tx -> ledger.post(customer.accountId(), Money.of("-40.00", "USD"),
                LedgerEntryKind.REFUND, "payment:" + personPayment.value()));
        transaction.executeWithoutResult(tx -> ledger.post(customer.accountId(), Money.of("5.00", "USD"),
                LedgerEntryKind.ADJUSTMENT, goodwill));

        UI.getCurrent().navigate("transactions");
        Grid<TimelineRow> grid = timeline();
        _setValue(payerFilter(), Optional.empty());

        // Date, Kind, Description, Payer, Amount, Balance after; newest first.
        assertThat(GridKt._size(grid)).isEqualTo(4);
        assertThat(GridKt._getFormattedRow(grid, 0).subList(1, 6))
                .containsExactly("Adjustment", "Adjustment", "", "$5.00", "$30.00");
        assertThat(GridKt._getFormattedRow(grid, 1).subList(1, 6))
                .containsExactly("Refund", "Refund: Visa •••• 4242, 12/30", "Pat Person", "-$40.00", "$25.00");
        assertThat(GridKt._getFormattedRow(grid, 2).subList(1, 6))
                .containsExactly("Top-up", "Top-up: Visa •••• 4444, 12/30", "Pat Company Ltd", "$25.00", "$65.00");
        assertThat(GridKt._getFormattedRow(grid, 3).subList(1, 6))
                .containsExactly("Top-up", "Top-up: Visa •••• 4242, 12/30", "Pat Person", "$40.00", "$40.00");

        // The person's view: its top-up and refund, and the adjustment no payer caused; balances stay the account's.
        _setValue(payerFilter(), Optional.of(payerItem(customer.person())));
        assertThat(GridKt._size(grid)).isEqualTo(3);
        assertThat(java.util.stream.IntStream.range(0, 3).mapToObj(i -> GridKt._get(grid, i).balanceAfter().format()))
                .containsExactly("$30.00", "$25.00", "$40.00");
        List<String> csv = csv();
        assertThat(csv.getFirst()).isEqualTo("Date (ISO 8601 UTC),Kind,Description,Payer,Amount,Currency,Balance after,Reference");
        assertThat(csv.subList(1, csv.size())).hasSize(3).satisfiesExactly(
                line -> assertThat(line).contains(",ADJUSTMENT,Adjustment,,5.00,USD,30.00," + goodwill),
                line -> assertThat(line).contains(",REFUND,\"Refund: Visa •••• 4242, 12/30\",Pat Person,-40.00,USD,25.00,payment:"
                        + personPayment.value()),
                line -> assertThat(line).contains(",TOP_UP,\"Top-up: Visa •••• 4242, 12/30\",Pat Person,40.00,USD,40.00,payment:"
                        + personPayment.value()));

        _setValue(kindFilter(), Optional.of(LedgerEntryKind.REFUND));
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(csv()).hasSize(2).last().asString().contains(",REFUND,").contains(",-40.00,USD,25.00,");

        _setValue(kindFilter(), Optional.empty());
        _setValue(payerFilter(), Optional.of(payerItem(customer.company())));
        assertThat(csv().subList(1, 3)).satisfiesExactly(
                line -> assertThat(line).contains(",ADJUSTMENT,"),
                line -> assertThat(line).contains(",TOP_UP,\"Top-up: Visa •••• 4444, 12/30\",Pat Company Ltd,25.00,USD,65.00,"));
        assertThat(csv()).hasSize(3);
    }

    @Test
    void the_date_pickers_name_months_and_weekdays_in_the_page_s_language_and_follow_a_switch() {
        Customer customer = data.newCustomer("USD");
        signIn(customer.username());
        UI.getCurrent().navigate("transactions");
        DatePicker from = _get(DatePicker.class, spec -> spec.withId("from-filter"));
        assertThat(from.getI18n().getMonthNames()).startsWith("January", "February");

        _setValue(_get(LanguageSwitcher.class, spec -> spec.withId("language")), Language.RU);

        DatePicker.DatePickerI18n russian = from.getI18n();
        assertThat(russian.getMonthNames()).hasSize(12).startsWith("Январь", "Февраль").endsWith("Декабрь");
        assertThat(russian.getWeekdays()).startsWith("Воскресенье", "Понедельник");
        assertThat(russian.getWeekdaysShort()).startsWith("Вс", "Пн");
        assertThat(russian.getFirstDayOfWeek()).as("Monday, as in Russia").isEqualTo(1);
        assertThat(russian.getToday()).isEqualTo("Сегодня");
        assertThat(russian.getCancel()).isEqualTo("Отмена");
        assertThat(from.getLocale().getLanguage()).isEqualTo("ru");
        assertThat(_get(DatePicker.class, spec -> spec.withId("to-filter")).getI18n().getMonthNames())
                .startsWith("Январь");

        _setValue(_get(LanguageSwitcher.class, spec -> spec.withId("language")), Language.EN);
        assertThat(from.getI18n().getMonthNames()).startsWith("January");
        assertThat(from.getI18n().getFirstDayOfWeek()).as("Sunday, as in the United States").isZero();
    }

    @Test
    void the_rows_read_in_russian_and_in_kazakh_and_the_csv_stays_english() {
        Customer customer = data.newCustomer("USD");
        var fixtures = new ServiceFixtures(jdbc);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        fixtures.credit(customer, "50.00");
        HostedServiceId vps = fixtures.service(customer, "VPS", "24.00", "MONTH", today.plusDays(3), "ACTIVE", false);
        signIn(customer.username());
        renewals.renewFromBalance(List.of(new RenewalLine(vps, 1)));
        PaymentId payment = topUp(customer, customer.person(), "4242", "40");
        transaction.executeWithoutResult(tx -> ledger.post(customer.accountId(), Money.of("-40.00", "USD"),
                LedgerEntryKind.REFUND, "payment:" + payment.value()));
        goodwill(customer, "5.00");

        UI.getCurrent().setLocale(Locale.of("ru"));
        UI.getCurrent().navigate("transactions");
        Grid<TimelineRow> grid = timeline();
        _setValue(payerFilter(), Optional.empty());
        String period = "%s по %s".formatted(today.plusDays(3), today.plusDays(3).plusMonths(1));

        assertThat(descriptions(grid)).containsExactly("Корректировка: Компенсация", "Возврат: Visa •••• 4242, 12/30",
                "Пополнение: Visa •••• 4242, 12/30", "Продление: VPS, с " + period, "Корректировка");
        assertThat(GridKt._getFormattedRow(grid, 1).get(1)).isEqualTo("Возврат");

        UI.getCurrent().setLocale(Locale.of("kk"));
        assertThat(descriptions(grid)).as("re-rendered on the switch, without a reload").containsExactly(
                "Түзету: Өтемақы", "Қайтару: Visa •••• 4242, 12/30", "Толтыру: Visa •••• 4242, 12/30",
                "Ұзарту: VPS, %s – %s".formatted(today.plusDays(3), today.plusDays(3).plusMonths(1)), "Түзету");

        // The file is one language whoever downloads it: read by spreadsheets and accountants' scripts.
        assertThat(csv()).anySatisfy(line -> assertThat(line).contains(",ADJUSTMENT,Adjustment: Goodwill credit,,5.00,"))
                .anySatisfy(line -> assertThat(line).contains(",REFUND,\"Refund: Visa •••• 4242, 12/30\","));
        _setValue(_get(DatePicker.class, spec -> spec.withId("from-filter")), today.plusDays(1));
        _setValue(_get(DatePicker.class, spec -> spec.withId("to-filter")), today);
        assertThat(_get(Div.class, spec -> spec.withId("timeline-error")).getText())
                .isEqualTo("Аяқталу күні басталу күнінен бұрын.");
    }

    @Test
    void an_export_over_the_ceiling_is_refused_with_a_message_instead_of_a_cut_short_file() {
        Customer customer = data.newCustomer("USD");
        // The tests' ceiling is 1,000 (src/test/resources/config); production's 100,000.
        adjustments(customer, history.csvMaxRows() + 1);
        signIn(customer.username());
        UI.getCurrent().navigate("transactions");

        byte[] refused = DownloadKt._download(_get(Anchor.class, spec -> spec.withId("export-csv")));
        MockVaadin.clientRoundtrip(false);

        // Before, this was the newest 100,000 entries (the ceiling then), with nothing to say that one was missing.
        assertThat(refused).isEmpty();
        Div error = _get(Div.class, spec -> spec.withId("timeline-error"));
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("These filters match more than 1,000 entries, the most one download "
                + "holds. Narrow the dates or choose a kind, and download the parts one by one.");

        // Narrowed, the export works again and the message goes.
        _setValue(kindFilter(), Optional.of(LedgerEntryKind.TOP_UP));
        assertThat(error.isVisible()).isFalse();
        assertThat(csv()).singleElement().asString().startsWith("Date (ISO 8601 UTC),Kind,");
    }

    /** Operator adjustments of 0.01 each, written in one batch with the cached balance that goes with them. */
    private void adjustments(Customer customer, int count) {
        String batch = UUID.randomUUID().toString();
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1);
        jdbcTemplate.batchUpdate("""
                insert into ledger_entry (id, account_id, amount_value, amount_currency, kind, reference, created_at)
                values (?, ?, 0.01, 'USD', 'ADJUSTMENT', ?, ?)""", IntStream.range(0, count)
                .mapToObj(i -> new Object[] {UUID.randomUUID(), customer.accountId().value(),
                        "adjustment:" + batch + ":" + i, at})
                .toList());
        jdbc.sql("update account_balance set amount_value = amount_value + ? where account_id = ?")
                .params(new BigDecimal("0.01").multiply(BigDecimal.valueOf(count)), customer.accountId().value())
                .update();
    }

    /** A goodwill credit posted as the adjustment service posts one: its row, then its ledger entry. */
    private void goodwill(Customer customer, String amount) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into balance_adjustment (id, account_id, amount_value, amount_currency, category, note, status,
                                                requested_by, requested_at, posted_at, version)
                values (?, ?, ?, 'USD', 'GOODWILL', 'Internal note', 'POSTED', ?, current_timestamp,
                        current_timestamp, 0)""")
                .params(id, customer.accountId().value(), new BigDecimal(amount), customer.userId().value()).update();
        transaction.executeWithoutResult(tx -> ledger.post(customer.accountId(), Money.of(amount, "USD"),
                LedgerEntryKind.ADJUSTMENT, "adjustment:" + id));
    }

    /** The Description column of every row the grid has, newest first. */
    private static List<String> descriptions(Grid<TimelineRow> grid) {
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._getFormattedRow(grid, i).get(2)).toList();
    }

    /** A saved-card top-up through the service, credited at once by the demo provider. */
    private PaymentId topUp(Customer customer, PayerId payer, String last4, String amount) {
        PaymentMethodId card = data.savedCard(customer, payer, last4, true);
        var done = (TopUpOutcome.Completed) topUps.topUp(new TopUpRequest(payer, amount, new MethodChoice.Saved(card),
                false, UUID.randomUUID().toString()));
        return done.paymentId();
    }

    /** The Payer column of every row the grid has, newest first. */
    private static List<String> payersListed() {
        Grid<TimelineRow> grid = timeline();
        return java.util.stream.IntStream.range(0, GridKt._size(grid))
                .mapToObj(i -> GridKt._getFormattedRow(grid, i).get(3)).toList();
    }

    private static List<String> csv() {
        return new String(DownloadKt._download(_get(Anchor.class, spec -> spec.withId("export-csv"))), StandardCharsets.UTF_8)
                .lines().toList();
    }

    @SuppressWarnings("unchecked")
    private static Select<Optional<PayerSummary>> payerFilter() {
        return _get(Select.class, spec -> spec.withId("timeline-payer-filter"));
    }

    private static PayerSummary payerItem(PayerId id) {
        return payerFilter().getListDataView().getItems().flatMap(Optional::stream).filter(p -> p.id().equals(id))
                .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static LightSelect<PayerSummary> switcher() {
        return _get(LightSelect.class, spec -> spec.withId("active-payer"));
    }

    private static PayerSummary switcherItem(PayerId id) {
        return switcher().getItems().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
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
