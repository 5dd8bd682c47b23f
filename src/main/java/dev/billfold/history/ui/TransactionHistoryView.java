package dev.billfold.history.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.billfold.account.PayerId;
import dev.billfold.account.PayerService;
import dev.billfold.account.PayerSummary;
import dev.billfold.account.ui.ActivePayerChanged;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.history.TimelineRow;
import dev.billfold.history.TransactionHistoryQuery;
import dev.billfold.ledger.LedgerEntryKind;
import dev.billfold.ui.PageTabs;
import jakarta.annotation.security.PermitAll;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything that moved the balance, newest first, with the running balance after each entry; filters by kind, payer
 * (starting on the header's active payer and following it) and dates, and a CSV download of the filtered rows. The
 * "All transactions" tab of the history.
 */
@Route(PageTabs.TRANSACTIONS)
@PageTitle("Transactions · Billfold")
@PermitAll
class TransactionHistoryView extends Div {

    private final TransactionHistoryQuery history;
    private final Grid<TimelineRow> grid = new Grid<>();
    private final Select<Optional<LedgerEntryKind>> kind = new Select<>();
    private final Select<Optional<PayerSummary>> payer = new Select<>();
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Div error = new Div();
    private final LocalTimes times = LocalTimes.ofBrowser();
    /** The filter the grid shows; the CSV download (a request of its own) exports exactly these rows. */
    private volatile TransactionHistoryQuery.Filter filter = TransactionHistoryQuery.Filter.all();

    TransactionHistoryView(TransactionHistoryQuery history, PayerService payerService) {
        this.history = history;
        addClassName("transactions-view");

        kind.setLabel("Kind");
        kind.setId("kind-filter");
        List<Optional<LedgerEntryKind>> kinds = new ArrayList<>();
        kinds.add(Optional.empty());
        for (LedgerEntryKind k : LedgerEntryKind.values()) {
            kinds.add(Optional.of(k));
        }
        kind.setItems(kinds);
        kind.setItemLabelGenerator(k -> k.map(TransactionHistoryView::label).orElse("All kinds"));
        kind.setValue(Optional.empty());
        kind.addValueChangeListener(e -> refresh());

        List<PayerSummary> payers = payerService.choosable();
        payer.setLabel("Payer");
        payer.setId("timeline-payer-filter");
        List<Optional<PayerSummary>> payerChoices = new ArrayList<>();
        payerChoices.add(Optional.empty());
        payers.forEach(p -> payerChoices.add(Optional.of(p)));
        payer.setItems(payerChoices);
        payer.setItemLabelGenerator(p -> p.map(PayerSummary::displayName).orElse("All payers"));
        payer.setValue(Optional.empty());
        payer.setVisible(payers.size() > 1);
        payer.setTooltipText("Charges and adjustments are the account's: they show for every payer.");
        // Starts on the header's active payer and follows it; "All payers" stays one click away (DD-032).
        payerService.active().ifPresent(active -> showPayer(active.id()));
        filter = currentFilter();
        ActivePayerChanged.follow(this, active -> showPayer(active.id()));
        payer.addValueChangeListener(e -> refresh());

        from.setId("from-filter");
        to.setId("to-filter");
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());

        var export = new Anchor(csvDownload(), "Download CSV");
        export.setId("export-csv");
        export.getElement().setAttribute("download", true);

        var filters = new Div(kind, payer, from, to, export);
        filters.addClassName("filters");

        error.setId("timeline-error");
        error.addClassName("form-error");
        error.setVisible(false);

        grid.setId("timeline-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(row -> times.format(row.at())).setHeader("Date (" + times.label() + ")")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(row -> label(row.kind())).setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(TimelineRow::description).setHeader("Description").setFlexGrow(1);
        grid.addColumn(row -> row.payerName() == null ? "" : row.payerName()).setHeader("Payer").setAutoWidth(true);
        grid.addColumn(row -> row.amount().format()).setHeader("Amount").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(row -> row.balanceAfter().format()).setHeader("Balance after").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(query -> history.page(filter, query.getOffset(), query.getLimit()).stream(),
                query -> history.count(filter));

        add(PageTabs.history(PageTabs.TRANSACTIONS), new H2("Transaction history"), filters, error, grid);
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
                event.getUI().access(() -> showError(refused.getMessage()));
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
            history.count(next);
            filter = next;
            error.setVisible(false);
        } catch (InvalidRequestException invalid) {
            showError(invalid.getMessage());
            return;
        }
        grid.getDataProvider().refreshAll();
    }

    static String label(LedgerEntryKind kind) {
        return switch (kind) {
            case TOP_UP -> "Top-up";
            case CHARGE -> "Charge";
            case REFUND -> "Refund";
            case ADJUSTMENT -> "Adjustment";
            case REVERSAL -> "Reversal";
            case REFUND_RETURN -> "Refund returned";
            case DISPUTE -> "Dispute";
            case DISPUTE_WON -> "Dispute won";
            case REFUND_RESERVED -> "Refund";
            case REFUND_RELEASED -> "Refund returned";
        };
    }
}
