package dev.billfold.history.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.billfold.account.AccountId;
import dev.billfold.account.AccountService;
import dev.billfold.audit.AuditTrail;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.base.ui.Pages;
import dev.billfold.history.ActivityQuery;
import dev.billfold.history.ActivityRow;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;

/**
 * Who did what on the account, newest first: the members' own changes (methods, members and roles, payers,
 * auto-renew, invitations) and what the billing team did or wrote for them, never a staff member's name (DD-061).
 * Every role of the account may read it; the grid fetches page by page as it scrolls.
 */
@Route(ActivityView.ROUTE)
@PageTitle("Activity · Billfold")
@Menu(order = 2.2, title = "Activity", icon = "vaadin:clipboard-text")
@PermitAll
class ActivityView extends Div {

    static final String ROUTE = "activity";

    ActivityView(ActivityQuery activity, AccountService accounts) {
        addClassName("activity-view");
        AccountId account = accounts.currentAccount().accountId();
        LocalTimes times = LocalTimes.ofBrowser();
        var grid = new Grid<ActivityRow>();
        grid.setId("activity-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(row -> times.format(row.at())).setHeader("Date (" + times.label() + ")").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(ActivityRow::who).setHeader("Who").setAutoWidth(true);
        grid.addColumn(ActivityRow::text).setHeader("What").setFlexGrow(2);
        grid.addColumn(ActivityRow::changeLabel).setHeader("Change").setFlexGrow(1);
        grid.addColumn(row -> row.note() == null ? "" : row.note()).setHeader("Message").setFlexGrow(2);
        grid.setPageSize(ActivityQuery.PAGE_SIZE);
        grid.setItems(query -> Pages.slice(query.getOffset(), query.getLimit(), ActivityQuery.PAGE_SIZE,
                page -> activity.page(account, page).rows()));
        var intro = new Paragraph("Changes to this account by its members, and messages from the "
                + AuditTrail.BILLING_TEAM.toLowerCase(Locale.ROOT) + ".");
        add(new H2("Activity"), intro, grid);
    }
}
