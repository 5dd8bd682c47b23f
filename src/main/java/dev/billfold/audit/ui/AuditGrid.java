package dev.billfold.audit.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import dev.billfold.audit.AuditEntry;
import dev.billfold.audit.AuditPage;
import dev.billfold.audit.AuditQuery;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.base.ui.Pages;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Audit entries as staff read them, newest first, fetched page by page as the grid scrolls: when, who with which
 * role, what, before → after, the note and the address. The whole trail's page adds the account column.
 */
public class AuditGrid extends Grid<AuditEntry> {

    /** {@code pages} answers page n (from 0) of the entries to show; called again after {@link #refresh()}. */
    public AuditGrid(String id, boolean withAccount, IntFunction<AuditPage> pages) {
        setId(id);
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        LocalTimes times = LocalTimes.ofBrowser();
        addColumn(entry -> times.format(entry.at())).setHeader("When (" + times.label() + ")").setAutoWidth(true)
                .setFlexGrow(0);
        if (withAccount) {
            addColumn(entry -> orDash(entry.accountNumber())).setHeader("Account").setAutoWidth(true).setFlexGrow(0);
        }
        addColumn(AuditEntry::actorName).setHeader("Who").setAutoWidth(true);
        addColumn(AuditEntry::actorRole).setHeader("Role").setAutoWidth(true).setFlexGrow(0);
        addColumn(AuditEntry::text).setHeader("What").setFlexGrow(2)
                .setTooltipGenerator(AuditEntry::action);
        addColumn(AuditEntry::changeLabel).setHeader("Before \u2192 after").setFlexGrow(1);
        addColumn(entry -> orDash(entry.note())).setHeader("Note").setFlexGrow(2);
        addColumn(entry -> orDash(entry.clientAddress())).setHeader("Address").setAutoWidth(true).setFlexGrow(0);
        setPageSize(AuditQuery.PAGE_SIZE);
        setItems(query -> Pages.slice(query.getOffset(), query.getLimit(), AuditQuery.PAGE_SIZE,
                page -> pages.apply(page).entries()));
    }

    public void refresh() {
        getDataProvider().refreshAll();
    }

    private static String orDash(@Nullable String text) {
        return text == null || text.isBlank() ? "\u2014" : text;
    }
}
