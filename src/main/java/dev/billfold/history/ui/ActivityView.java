package dev.billfold.history.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import dev.billfold.account.AccountId;
import dev.billfold.account.AccountService;
import dev.billfold.audit.AuditTexts;
import dev.billfold.audit.AuditTrail;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.base.ui.Localized;
import dev.billfold.base.ui.PageTitles;
import dev.billfold.base.ui.Pages;
import dev.billfold.history.ActivityQuery;
import dev.billfold.history.ActivityRow;
import jakarta.annotation.security.PermitAll;

/**
 * Who did what on the account, newest first: the members' own changes (methods, members and roles, payers,
 * auto-renew, invitations) and what the billing team did or wrote for them, never a staff member's name (DD-061).
 * Every role of the account may read it; the grid fetches page by page as it scrolls.
 */
@Route(ActivityView.ROUTE)
@Menu(order = 2.2, title = "Activity", icon = "vaadin:clipboard-text")
@PermitAll
class ActivityView extends Div implements HasDynamicTitle, LocaleChangeObserver {

    static final String ROUTE = "activity";

    private final Grid<ActivityRow> grid = new Grid<>();

    ActivityView(ActivityQuery activity, AccountService accounts) {
        addClassName("activity-view");
        PageTitles.follow(this, "history.activity.page-title");
        AccountId account = accounts.currentAccount().accountId();
        LocalTimes times = LocalTimes.ofBrowser();
        grid.setId("activity-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        var date = grid.addColumn(row -> times.format(row.at(), Localized.localeOf(grid))).setAutoWidth(true)
                .setFlexGrow(0);
        Localized.bind(grid, date::setHeader, "history.activity.column.date", times.label());
        // The one name the query gives every staff member, in the reader's language; a member's name as it is.
        var who = grid.addColumn(row -> AuditTrail.BILLING_TEAM.equals(row.who())
                ? grid.getTranslation(Localized.localeOf(grid), "audit.billing-team") : row.who()).setAutoWidth(true);
        Localized.bind(grid, who::setHeader, "history.activity.column.who");
        var what = grid.addColumn(row -> AuditTexts.shipped().text(Localized.localeOf(grid), row.action(), row.text()))
                .setFlexGrow(2);
        Localized.bind(grid, what::setHeader, "history.activity.column.what");
        var change = grid.addColumn(row -> AuditTexts.shipped().change(Localized.localeOf(grid), row.before(),
                row.after())).setFlexGrow(1);
        Localized.bind(grid, change::setHeader, "history.activity.column.change");
        var message = grid.addColumn(row -> row.note() == null ? "" : row.note()).setFlexGrow(2);
        Localized.bind(grid, message::setHeader, "history.activity.column.message");
        grid.setPageSize(ActivityQuery.PAGE_SIZE);
        grid.setItems(query -> Pages.slice(query.getOffset(), query.getLimit(), ActivityQuery.PAGE_SIZE,
                page -> activity.page(account, page).rows()));
        add(Localized.text(new H2(), "history.activity.title"),
                Localized.text(new Paragraph(), "history.activity.intro"), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("history.activity.page-title");
    }

    /** The dates and the lines follow the reader's language. */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        grid.getDataProvider().refreshAll();
    }
}
