package dev.billfold.ops.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Banner;
import dev.billfold.base.ui.Localized;
import dev.billfold.base.ui.NoAccountNeeded;
import dev.billfold.ops.AccountHit;
import dev.billfold.ops.OpsSearchQuery;
import dev.billfold.ops.SearchPage;
import dev.billfold.staff.StaffRole;
import dev.billfold.staff.ui.OpsLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;

/**
 * The back office's start: one field that finds accounts by number, name, payer, tax id, e-mail, invoice, payment id
 * or provider reference. The query and page are in the URL, so a search can be shared and the back button works.
 */
@Route(value = OpsSearchView.ROUTE, layout = OpsLayout.class)
@RolesAllowed({StaffRole.Names.SUPPORT, StaffRole.Names.FINANCE})
@NoAccountNeeded
class OpsSearchView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "ops";

    private final OpsSearchQuery search;
    private final TextField query = new TextField();
    private final Grid<AccountHit> results = new Grid<>(AccountHit.class, false);
    private final Banner banner = new Banner("ops-search-banner", "ops-banner");
    private final Span pageLabel = new Span();
    private final Button previous = Localized.text(new Button(), "ops.search.previous");
    private final Button next = Localized.text(new Button(), "ops.search.next");
    private String current = "";
    private int page;

    OpsSearchView(OpsSearchQuery search) {
        this.search = search;
        addClassName("ops-search-view");
        query.setId("ops-search-query");
        Localized.bind(query, query::setPlaceholder, "ops.search.placeholder");
        Localized.bind(query, query::setAriaLabel, "ops.search.label");
        query.setWidth("32rem");
        query.setMaxLength(OpsSearchQuery.MAX_QUERY);
        var go = Localized.text(new Button("", e -> open(query.getValue(), 0)), "ops.search.button");
        go.setId("ops-search-button");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        go.addClickShortcut(Key.ENTER);

        results.setId("ops-search-results");
        header(results.addComponentColumn(OpsSearchView::link), "ops.column.account-number").setAutoWidth(true);
        header(results.addColumn(AccountHit::accountName), "ops.column.account").setAutoWidth(true);
        header(results.addColumn(AccountHit::matchedBy), "ops.column.found-by").setAutoWidth(true);
        header(results.addColumn(AccountHit::matched), "ops.column.match").setAutoWidth(true);
        results.setAllRowsVisible(true);
        results.setVisible(false);

        previous.setId("ops-search-previous");
        next.setId("ops-search-next");
        pageLabel.setId("ops-search-page");
        Localized.bind(pageLabel, pageLabel::setText, locale -> getTranslation(locale, "ops.search.page", page + 1));
        previous.addClickListener(e -> open(current, page - 1));
        next.addClickListener(e -> open(current, page + 1));
        var pager = new HorizontalLayout(previous, pageLabel, next);
        pager.setAlignItems(Alignment.BASELINE);
        pager.setVisible(false);

        add(Localized.text(new H2(), "ops.search.title"), new HorizontalLayout(query, go), banner, results, pager);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("ops.search.page-title");
    }

    private static Grid.Column<AccountHit> header(Grid.Column<AccountHit> column, String key) {
        return Localized.bind(column, column::setHeader, key);
    }

    private static RouterLink link(AccountHit hit) {
        var link = new RouterLink(hit.accountNumber(), OpsAccountView.class);
        link.setQueryParameters(QueryParameters.of(OpsAccountView.ID, hit.accountId().value().toString()));
        link.addClassName("ops-account-link");
        return link;
    }

    private void open(String text, int toPage) {
        UI.getCurrent().navigate(OpsSearchView.class,
                QueryParameters.simple(Map.of("q", text.strip(), "page", Integer.toString(toPage))));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        current = parameters.getOrDefault("q", List.of("")).getFirst();
        page = pageOf(parameters.getOrDefault("page", List.of("0")).getFirst());
        query.setValue(current);
        banner.hide();
        results.setVisible(false);
        previous.getParent().ifPresent(pager -> pager.setVisible(false));
        if (current.isBlank()) {
            return;
        }
        try {
            SearchPage found = search.search(current, page);
            if (found.hits().isEmpty()) {
                banner.show(found.page() == 0 ? getTranslation("ops.search.nothing-found", current)
                        : getTranslation("ops.search.no-more"), Banner.ERROR);
            }
            results.setItems(found.hits());
            results.setVisible(!found.hits().isEmpty());
            previous.setEnabled(page > 0);
            next.setEnabled(found.hasMore());
            pageLabel.setText(getTranslation("ops.search.page", page + 1));
            previous.getParent().ifPresent(pager -> pager.setVisible(!found.hits().isEmpty() || page > 0));
        } catch (InvalidRequestException bad) {
            banner.show(bad.getLocalizedMessage(), Banner.ERROR);
        }
    }

    private static int pageOf(String text) {
        try {
            return Math.max(0, Integer.parseInt(text));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
