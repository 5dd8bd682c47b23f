package dev.billfold.base.ui;

import com.vaadin.flow.component.Component;

/**
 * The browser tab's title from the bundle. A view returns {@code getTranslation(key)} from
 * {@code HasDynamicTitle.getPageTitle()} for navigation, and calls {@link #follow} so that the language switcher, which
 * does not navigate, changes the tab's title too.
 */
public final class PageTitles {

    private PageTitles() {
    }

    public static void follow(Component view, String key) {
        Localized.bind(view, title -> view.getUI().ifPresent(ui -> ui.getPage().setTitle(title)), key);
    }
}
