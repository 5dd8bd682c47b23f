package dev.billfold.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.server.menu.MenuEntry;
import dev.billfold.base.ui.Localized;
import dev.billfold.base.ui.Markup;
import java.util.List;
import java.util.Locale;

/**
 * The drawer's menu: one plain router link per entry, its icon and label written as markup inside the link. Every
 * component is a state node that each open session keeps on the server; SideNav spent three per entry (item, icon,
 * label), this spends one (DD-044).
 */
@Uses(Icon.class) // the links' vaadin-icon elements are not components, so the bundle is told they are used
final class DrawerMenu extends Nav {

    private final List<Anchor> links;

    DrawerMenu(List<MenuEntry> entries) {
        setId("drawer-menu");
        addClassName("drawer-menu");
        Localized.bind(this, label -> getElement().setAttribute("aria-label", label), "ui.menu.label");
        links = entries.stream().map(DrawerMenu::link).toList();
        links.forEach(this::add);
    }

    private static Anchor link(MenuEntry entry) {
        var link = new Anchor();
        // Relative to Flow's base href, like the page tabs, so a context path keeps working.
        link.setHref(entry.path().startsWith("/") ? entry.path().substring(1) : entry.path());
        link.addClassName("drawer-link");
        link.getElement().setAttribute("router-link", true);
        String icon = entry.icon() == null ? ""
                : "<vaadin-icon icon=\"" + Markup.escape(entry.icon()) + "\" aria-hidden=\"true\"></vaadin-icon>";
        Localized.bind(link, title -> link.getElement().setProperty("innerHTML",
                icon + "<span>" + Markup.escape(title) + "</span>"), locale -> title(link, entry, locale));
        return link;
    }

    /** The key is the English title in lower case with dashes: "Payment history" is ui.menu.payment-history. */
    static String key(MenuEntry entry) {
        return "ui.menu." + entry.title().strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static String title(Anchor link, MenuEntry entry, Locale locale) {
        return link.getTranslation(locale, key(entry));
    }

    /**
     * The production bundle loads a component's client code (here the icon element and Vaadin's icon set) when the
     * first component of that class is attached; with no Icon component on the page, it is asked for here.
     */
    @Override
    protected void onAttach(AttachEvent attach) {
        attach.getUI().getInternals().addComponentDependencies(Icon.class);
    }

    /** Marks the link of the page shown (and of its sub-pages) as current. */
    void markCurrent(String path) {
        for (Anchor link : links) {
            String href = link.getHref();
            boolean current = href.isEmpty() ? path.isEmpty() : path.equals(href) || path.startsWith(href + "/");
            if (current) {
                link.getElement().setAttribute("aria-current", "page");
            } else {
                link.getElement().removeAttribute("aria-current");
            }
        }
    }
}
