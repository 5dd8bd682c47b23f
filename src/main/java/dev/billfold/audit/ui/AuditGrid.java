package dev.billfold.audit.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import dev.billfold.audit.AuditEntry;
import dev.billfold.audit.AuditPage;
import dev.billfold.audit.AuditQuery;
import dev.billfold.audit.AuditTexts;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.base.ui.Localized;
import dev.billfold.base.ui.Pages;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Audit entries as staff read them, newest first, fetched page by page as the grid scrolls: when, who with which
 * role, what (in the reader's language where {@link AuditTexts} reads the stored line), before → after, the note and
 * the address. The whole trail's page adds the account column.
 */
public class AuditGrid extends Grid<AuditEntry> implements LocaleChangeObserver {

    /** {@code pages} answers page n (from 0) of the entries to show; called again after {@link #refresh()}. */
    public AuditGrid(String id, boolean withAccount, IntFunction<AuditPage> pages) {
        setId(id);
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        LocalTimes times = LocalTimes.ofBrowser();
        header(addColumn(entry -> times.format(entry.at())), "audit.column.when", times.label()).setAutoWidth(true)
                .setFlexGrow(0);
        if (withAccount) {
            header(addColumn(entry -> orDash(entry.accountNumber())), "audit.column.account").setAutoWidth(true)
                    .setFlexGrow(0);
        }
        header(addColumn(AuditEntry::actorName), "audit.column.who").setAutoWidth(true);
        header(addColumn(AuditEntry::actorRole), "audit.column.role").setAutoWidth(true).setFlexGrow(0);
        header(addColumn(entry -> AuditTexts.shipped().text(Localized.localeOf(this), entry.action(), entry.text())),
                "audit.column.what").setFlexGrow(2)
                .setTooltipGenerator(AuditEntry::action);
        header(addColumn(entry -> AuditTexts.shipped().change(Localized.localeOf(this), entry.before(),
                entry.after())), "audit.column.change").setFlexGrow(1);
        header(addColumn(entry -> orDash(entry.note())), "audit.column.note").setFlexGrow(2);
        header(addColumn(entry -> orDash(entry.clientAddress())), "audit.column.address").setAutoWidth(true)
                .setFlexGrow(0);
        setPageSize(AuditQuery.PAGE_SIZE);
        setItems(query -> Pages.slice(query.getOffset(), query.getLimit(), AuditQuery.PAGE_SIZE,
                page -> pages.apply(page).entries()));
    }

    private static Column<AuditEntry> header(Column<AuditEntry> column, String key, Object... params) {
        return Localized.bind(column, column::setHeader, key, params);
    }

    /** The lines are re-read in the new language. */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        refresh();
    }

    public void refresh() {
        getDataProvider().refreshAll();
    }

    private static String orDash(@Nullable String text) {
        return text == null || text.isBlank() ? "\u2014" : text;
    }
}
