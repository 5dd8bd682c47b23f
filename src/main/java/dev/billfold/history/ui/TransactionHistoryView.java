package dev.billfold.history.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.billfold.account.PayerId;
import dev.billfold.account.PayerService;
import dev.billfold.account.PayerSummary;
import dev.billfold.account.ui.ActivePayerChanged;
import dev.billfold.account.ui.PayerLabels;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.CompactRows;
import dev.billfold.base.ui.DatePickers;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.base.ui.Localized;
import dev.billfold.base.ui.PageTitles;
import dev.billfold.history.TimelineRow;
import dev.billfold.history.TransactionHistoryQuery;
import dev.billfold.ledger.LedgerEntryKind;
import dev.billfold.ui.PageTabs;
import jakarta.annotation.security.PermitAll;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything that moved the balance, newest first, with the running balance after each entry; filters by kind, payer
 * (starting on the header's active payer and following it) and dates, and a CSV download of the filtered rows. The
 * "All transactions" tab of the history.
 */
@Route(PageTabs.TRANSACTIONS)
@PermitAll
class TransactionHistoryView extends Div implements HasDynamicTitle, LocaleChangeObserver {

    private final TransactionHistoryQuery history;
    private final Grid<TimelineRow> grid = new Grid<>();
    private final Select<Optional<LedgerEntryKind>> kind = new Select<>();
    private final Select<Optional<PayerSummary>> payer = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    /** How many entries the filter finds: "12 transactions", "12 операций". */
    private final Span count = new Span();
    private long counted;
    private final Div error = new Div();
    private final LocalTimes times = LocalTimes.ofBrowser();
    /** The filter the grid shows; the CSV download (a request of its own) exports exactly these rows. */
    private volatile TransactionHistoryQuery.Filter filter = TransactionHistoryQuery.Filter.all();

    TransactionHistoryView(TransactionHistoryQuery history, PayerService payerService) {
        this.history = history;
        addClassName("transactions-view");
        PageTitles.follow(this, "history.transactions.page-title");

        Localized.bind(kind, kind::setLabel, "history.transactions.kind");
        kind.setId("kind-filter");
        List<Optional<LedgerEntryKind>> kinds = new ArrayList<>();
        kinds.add(Optional.empty());
        for (LedgerEntryKind k : LedgerEntryKind.values()) {
            kinds.add(Optional.of(k));
        }
        kind.setItems(kinds);
        kind.setItemLabelGenerator(this::kindChoiceLabel);
        kind.setValue(Optional.empty());
        kind.addValueChangeListener(e -> refresh());

        List<PayerSummary> payers = payerService.choosable();
        Localized.bind(payer, payer::setLabel, "history.transactions.payer");
        payer.setId("timeline-payer-filter");
        List<Optional<PayerSummary>> payerChoices = new ArrayList<>();
        payerChoices.add(Optional.empty());
        payers.forEach(p -> payerChoices.add(Optional.of(p)));
        payer.setItems(payerChoices);
        payer.setItemLabelGenerator(this::payerChoiceLabel);
        payer.setValue(Optional.empty());
        payer.setVisible(payers.size() > 1);
        Localized.bind(payer, payer::setTooltipText, "history.transactions.payer-tooltip");
        // Starts on the header's active payer and follows it; "All payers" stays one click away (DD-032).
        payerService.active().ifPresent(active -> showPayer(active.id()));
        filter = currentFilter();
        ActivePayerChanged.follow(this, active -> showPayer(active.id()));
        payer.addValueChangeListener(e -> refresh());

        Localized.bind(from, from::setLabel, "history.transactions.from");
        Localized.bind(to, to::setLabel, "history.transactions.to");
        DatePickers.follow(from);
        DatePickers.follow(to);
        from.setId("from-filter");
        to.setId("to-filter");
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());

        var export = Localized.text(new Anchor(csvDownload(), ""), "history.transactions.download-csv");
        export.setId("export-csv");
        export.getElement().setAttribute("download", true);

        var filters = new Div(kind, payer, from, to, export);
        filters.addClassName("filters");

        error.setId("timeline-error");
        error.addClassName("form-error");
        error.setVisible(false);

        grid.setId("timeline-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        var date = grid.addColumn(row -> times.format(row.at(), Localized.localeOf(grid))).setAutoWidth(true)
                .setFlexGrow(0);
        Localized.bind(grid, date::setHeader, "history.transactions.column.date", times.label());
        var kindColumn = grid.addColumn(row -> kindName(row.kind())).setAutoWidth(true).setFlexGrow(0);
        Localized.bind(grid, kindColumn::setHeader, "history.transactions.column.kind");
        var description = grid.addColumn(row -> getTranslation(Localized.localeOf(grid), row.text().key(),
                        row.text().params()))
                .setFlexGrow(1);
        Localized.bind(grid, description::setHeader, "history.transactions.column.description");
        var payerColumn = grid.addColumn(row -> row.payerName() == null ? "" : row.payerName()).setAutoWidth(true);
        Localized.bind(grid, payerColumn::setHeader, "history.transactions.column.payer");
        var amount = grid.addColumn(row -> row.amount().format(Localized.localeOf(grid))).setAutoWidth(true)
                .setFlexGrow(0);
        Localized.bind(grid, amount::setHeader, "history.transactions.column.amount");
        var balanceAfter = grid.addColumn(row -> row.balanceAfter().format(Localized.localeOf(grid)))
                .setAutoWidth(true).setFlexGrow(0);
        Localized.bind(grid, balanceAfter::setHeader, "history.transactions.column.balance-after");
        compactColumn(grid);
        grid.setItems(query -> history.page(filter, query.getOffset(), query.getLimit()).stream(),
                query -> history.count(filter));

        count.setId("timeline-count");
        count.addClassName("timeline-count");
        counted = history.count(filter);
        Localized.bind(count, count::setText, locale -> count.getTranslation(locale, "history.transactions.count",
                counted));

        add(PageTabs.history(PageTabs.TRANSACTIONS), Localized.text(new H2(), "history.transactions.title"), filters,
                error, count, grid);
    }

    /**
     * On a phone one column, date · amount · kind; the description, the payer and the balance after are in the row's
     * detail, opened by selecting the row (DD-102). Lit templates: no components per row on the server.
     */
    private void compactColumn(Grid<TimelineRow> grid) {
        var compact = grid.addColumn(LitRenderer.<TimelineRow>of(
                        "<span class=\"compact-row\">${item.date} · ${item.amount} · ${item.kind}</span>")
                .withProperty("date", row -> times.format(row.at(), Localized.localeOf(grid)))
                .withProperty("amount", row -> row.amount().format(Localized.localeOf(grid)))
                .withProperty("kind", row -> kindName(row.kind()))).setFlexGrow(1);
        Localized.bind(grid, compact::setHeader, locale -> String.join(" · ",
                grid.getTranslation(locale, "history.transactions.column.date", times.label()),
                grid.getTranslation(locale, "history.transactions.column.amount"),
                grid.getTranslation(locale, "history.transactions.column.kind")));
        CompactRows.of(grid, compact).withDetails(LitRenderer.<TimelineRow>of("""
                        <div class="detail-list row-detail">\
                        <span class="term">${item.descriptionTerm}</span><span class="value">${item.description}</span>\
                        <span class="term">${item.payerTerm}</span><span class="value">${item.payer}</span>\
                        <span class="term">${item.balanceTerm}</span><span class="value">${item.balance}</span>\
                        </div>""")
                .withProperty("descriptionTerm", row -> getTranslation("history.transactions.column.description"))
                .withProperty("description", TimelineRow::description)
                .withProperty("payerTerm", row -> getTranslation("history.transactions.column.payer"))
                .withProperty("payer", row -> row.payerName() == null ? "\u2014" : row.payerName())
                .withProperty("balanceTerm", row -> getTranslation("history.transactions.column.balance-after"))
                .withProperty("balance", row -> row.balanceAfter().format(Localized.localeOf(grid))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("history.transactions.page-title");
    }

    /** The rows and choices are worked out from data, so they are shown again in the new language. */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        kind.setItemLabelGenerator(this::kindChoiceLabel);
        payer.setItemLabelGenerator(this::payerChoiceLabel);
        grid.getDataProvider().refreshAll();
    }

    private String kindChoiceLabel(Optional<LedgerEntryKind> choice) {
        return choice.map(this::kindName).orElseGet(() -> getTranslation("history.transactions.all-kinds"));
    }

    private String payerChoiceLabel(Optional<PayerSummary> choice) {
        return choice.map(summary -> PayerLabels.of(summary, this))
                .orElseGet(() -> getTranslation("history.transactions.all-payers"));
    }

    private String kindName(LedgerEntryKind kind) {
        return getTranslation("history.kind." + kind.name());
    }

    /**
     * A refused export (too many rows) answers the download with the message and shows it on the page, which the
     * browser's failed download alone would not explain.
     */
    private DownloadHandler csvDownload() {
        return event -> {
            try {
                history.writeCsv(filter, () -> {
                    event.setFileName("transactions.csv");
                    event.setContentType("text/csv; charset=UTF-8");
                    return new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8);
                });
            } catch (InvalidRequestException refused) {
                event.getResponse().sendError(HttpStatusCode.BAD_REQUEST.getCode(), refused.getMessage());
                event.getUI().access(() -> showError(refused.getLocalizedMessage()));
            }
        };
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private void showPayer(PayerId id) {
        if (payer.isVisible()) {
            payer.getListDataView().getItems().filter(p -> p.map(s -> s.id().equals(id)).orElse(false)).findFirst()
                    .ifPresent(payer::setValue);
        }
    }

    private TransactionHistoryQuery.Filter currentFilter() {
        return new TransactionHistoryQuery.Filter(
                kind.getValue() == null ? null : kind.getValue().orElse(null),
                payer.getValue() == null ? null : payer.getValue().map(PayerSummary::id).orElse(null),
                from.getValue(), to.getValue(), times.zone());
    }

    private void refresh() {
        TransactionHistoryQuery.Filter next = currentFilter();
        try {
            counted = history.count(next);
            filter = next;
            count.setText(getTranslation("history.transactions.count", counted));
            error.setVisible(false);
        } catch (InvalidRequestException invalid) {
            showError(invalid.getLocalizedMessage());
            return;
        }
        grid.getDataProvider().refreshAll();
    }
}
