package dev.billfold.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Nav;
import dev.billfold.base.ui.Localized;

/**
 * Tabs of a page whose parts are separate routes, so that each part can be bookmarked and linked: the top-up page
 * ("Top up" and "Renewals") and the history ("Payments", "All transactions" and "Refunds"). Tabs link by path rather
 * than by view class, so that features can share a page without depending on each other's views.
 */
public final class PageTabs extends Nav {

    public static final String TOP_UP = "";
    public static final String RENEWALS = "renewals";
    public static final String PAYMENTS = "history";
    public static final String TRANSACTIONS = "transactions";
    public static final String REFUNDS = "refunds";

    private PageTabs(String id, String current, String[][] tabs) {
        setId(id);
        addClassName("page-tabs");
        Localized.bind(this, label -> getElement().setAttribute("aria-label", label), "ui.tabs.label");
        for (String[] tab : tabs) {
            var link = Localized.text(new Anchor(), tab[1]);
            link.setHref(tab[0]);
            link.setId(tab[2]);
            link.addClassName("page-tab");
            link.getElement().setAttribute("router-link", true);
            if (tab[0].equals(current)) {
                link.getElement().setAttribute("aria-current", "page");
            }
            add(link);
        }
    }

    /** "Top up" and "Renewals" (the tab texts are bundle keys), with {@code current} (a path above) marked. */
    public static PageTabs topUp(String current) {
        return new PageTabs("top-up-tabs", current, new String[][] {
                {TOP_UP, "ui.tabs.top-up", "tab-top-up"}, {RENEWALS, "ui.tabs.renewals", "tab-renewals"}});
    }

    /** "Payments", "All transactions" and "Refunds", with {@code current} (a path above) marked. */
    public static PageTabs history(String current) {
        return new PageTabs("history-tabs", current, new String[][] {
                {PAYMENTS, "ui.tabs.payments", "tab-payments"},
                {TRANSACTIONS, "ui.tabs.transactions", "tab-transactions"},
                {REFUNDS, "ui.tabs.refunds", "tab-refunds"}});
    }
}
