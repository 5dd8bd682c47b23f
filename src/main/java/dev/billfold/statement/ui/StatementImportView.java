package dev.billfold.statement.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Banner;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.base.ui.Localized;
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
import org.jspecify.annotations.Nullable;

/** One import's report: its summary, totals per currency and every entry with its result, in file order. */
@Route(value = "ops/statements/import", layout = OpsLayout.class)
@RolesAllowed({StaffRole.Names.SUPPORT, StaffRole.Names.FINANCE})
@NoAccountNeeded
public class StatementImportView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle,
        LocaleChangeObserver {

    static final String ID = "id";

    private final StatementImports imports;
    private final H2 title = new H2();
    private @Nullable ImportSummary shown;
    private final Span summary = new Span();
    private final Grid<CurrencyTotal> totals = new Grid<>(CurrencyTotal.class, false);
    private final Grid<EntryResult> entries = new Grid<>(EntryResult.class, false);
    private final Banner banner = new Banner("statement-report-banner", "ops-banner");

    StatementImportView(StatementImports imports) {
        this.imports = imports;
        addClassName("statement-import-view");
        summary.setId("statement-report-summary");
        totals.setId("statement-report-totals");
        StatementTexts.header(totals.addColumn(t -> StatementTexts.outcome(this, t.outcome())),
                "statement.column.result");
        StatementTexts.header(totals.addColumn(t -> t.amount().currencyCode()), "statement.column.currency");
        StatementTexts.header(totals.addColumn(t -> t.amount().value().toPlainString()), "statement.column.total");
        StatementTexts.header(totals.addColumn(CurrencyTotal::entries), "statement.column.entries");
        totals.setAllRowsVisible(true);
        entries.setId("statement-report-entries");
        entries.addColumn(EntryResult::position).setHeader("#").setAutoWidth(true);
        StatementTexts.header(entries.addColumn(EntryResult::bankReference), "statement.column.bank-reference")
                .setAutoWidth(true);
        StatementTexts.header(entries.addColumn(e -> (e.credit() ? "" : "−") + e.amount().format()),
                "statement.column.amount").setAutoWidth(true);
        StatementTexts.header(entries.addColumn(e -> e.debtorName() == null ? "" : e.debtorName()),
                "statement.column.from").setAutoWidth(true);
        StatementTexts.header(entries.addColumn(EntryResult::remittance), "statement.column.purpose").setFlexGrow(1);
        StatementTexts.header(entries.addColumn(e -> StatementTexts.outcome(this, e.outcome())),
                "statement.column.result").setAutoWidth(true);
        StatementTexts.header(entries.addColumn(e -> e.detail() == null ? "" : e.detail()), "statement.column.detail")
                .setFlexGrow(1);
        Localized.bind(title, title::setText, locale -> shown == null
                ? getTranslation(locale, "statement.import.title") : shown.fileName());
        add(title, banner, summary, totals, Localized.text(new Paragraph(), "statement.import.entries"), entries);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("statement.import.page-title");
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        if (shown != null) {
            show(shown);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> ids = event.getLocation().getQueryParameters().getParameters().getOrDefault(ID, List.of());
        try {
            StatementImportId id = new StatementImportId(UUID.fromString(ids.isEmpty() ? "" : ids.getFirst()));
            show(imports.summary(id));
        } catch (IllegalArgumentException | InvalidRequestException notFound) {
            banner.show(getTranslation("statement.import.not-found"), Banner.ERROR);
            summary.setText("");
            totals.setVisible(false);
            entries.setVisible(false);
        }
    }

    private void show(ImportSummary s) {
        LocalTimes times = LocalTimes.ofBrowser();
        shown = s;
        title.setText(s.fileName());
        summary.setText(getTranslation(s.status() == ImportSummary.Status.DONE ? "statement.import.summary"
                : "statement.import.summary-importing", s.format(), times.formatWithOffset(s.startedAt()),
                s.importedBy(), StatementTexts.counts(this, s)));
        totals.setItems(s.totals());
        entries.setItems(query -> imports.entries(s.id(), query.getOffset(), query.getLimit()).stream(),
                query -> s.entries());
    }
}
