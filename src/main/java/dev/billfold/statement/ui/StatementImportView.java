package dev.billfold.statement.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Banner;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.base.ui.NoAccountNeeded;
import dev.billfold.staff.StaffRole;
import dev.billfold.staff.ui.OpsLayout;
import dev.billfold.statement.CurrencyTotal;
import dev.billfold.statement.EntryResult;
import dev.billfold.statement.ImportSummary;
import dev.billfold.statement.StatementImportId;
import dev.billfold.statement.StatementImports;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;

/** One import's report: its summary, totals per currency and every entry with its result, in file order. */
@Route(value = "ops/statements/import", layout = OpsLayout.class)
@PageTitle("Statement import · Billfold back office")
@RolesAllowed({StaffRole.Names.SUPPORT, StaffRole.Names.FINANCE})
@NoAccountNeeded
public class StatementImportView extends VerticalLayout implements BeforeEnterObserver {

    static final String ID = "id";

    private final StatementImports imports;
    private final H2 title = new H2("Statement import");
    private final Span summary = new Span();
    private final Grid<CurrencyTotal> totals = new Grid<>(CurrencyTotal.class, false);
    private final Grid<EntryResult> entries = new Grid<>(EntryResult.class, false);
    private final Banner banner = new Banner("statement-report-banner", "ops-banner");

    StatementImportView(StatementImports imports) {
        this.imports = imports;
        addClassName("statement-import-view");
        summary.setId("statement-report-summary");
        totals.setId("statement-report-totals");
        totals.addColumn(t -> t.outcome().label()).setHeader("Result");
        totals.addColumn(t -> t.amount().currencyCode()).setHeader("Currency");
        totals.addColumn(t -> t.amount().value().toPlainString()).setHeader("Total");
        totals.addColumn(CurrencyTotal::entries).setHeader("Entries");
        totals.setAllRowsVisible(true);
        entries.setId("statement-report-entries");
        entries.addColumn(EntryResult::position).setHeader("#").setAutoWidth(true);
        entries.addColumn(EntryResult::bankReference).setHeader("Bank reference").setAutoWidth(true);
        entries.addColumn(e -> (e.credit() ? "" : "−") + e.amount().format()).setHeader("Amount").setAutoWidth(true);
        entries.addColumn(e -> e.debtorName() == null ? "" : e.debtorName()).setHeader("From").setAutoWidth(true);
        entries.addColumn(EntryResult::remittance).setHeader("Purpose").setFlexGrow(1);
        entries.addColumn(e -> e.outcome().label()).setHeader("Result").setAutoWidth(true);
        entries.addColumn(e -> e.detail() == null ? "" : e.detail()).setHeader("Detail").setFlexGrow(1);
        add(title, banner, summary, totals, new Paragraph("Entries"), entries);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> ids = event.getLocation().getQueryParameters().getParameters().getOrDefault(ID, List.of());
        try {
            StatementImportId id = new StatementImportId(UUID.fromString(ids.isEmpty() ? "" : ids.getFirst()));
            show(imports.summary(id));
        } catch (IllegalArgumentException | InvalidRequestException notFound) {
            banner.show("There is no such import.", Banner.ERROR);
            summary.setText("");
            totals.setVisible(false);
            entries.setVisible(false);
        }
    }

    private void show(ImportSummary s) {
        LocalTimes times = LocalTimes.ofBrowser();
        title.setText(s.fileName());
        summary.setText(("%s, imported %s by %s%s: %d entries, %d credited, %d held, %d unmatched, %d duplicates,"
                + " %d ignored.").formatted(s.format(), times.formatWithOffset(s.startedAt()), s.importedBy(),
                s.status() == ImportSummary.Status.DONE ? "" : " (still importing)", s.entries(), s.credited(),
                s.held(), s.unmatched(), s.duplicates(), s.ignored()));
        totals.setItems(s.totals());
        entries.setItems(query -> imports.entries(s.id(), query.getOffset(), query.getLimit()).stream(),
                query -> s.entries());
    }
}
