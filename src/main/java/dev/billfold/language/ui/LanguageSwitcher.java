package dev.billfold.language.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import dev.billfold.base.ui.Localized;
import dev.billfold.language.Language;
import dev.billfold.language.LanguageService;

/**
 * The language menu in the header (in the menu on a phone, where the header has no room) and on the sign-in page.
 * Switching changes every text on the page at once, with no reload, so nothing typed is lost; it is kept for the
 * signed-in user, and for the browser session before sign-in (DD-101). Each language is named in itself, so a reader
 * lost in the current one still finds theirs.
 */
public final class LanguageSwitcher extends Composite<Select<Language>> implements LocaleChangeObserver {

    /** The header's switcher. */
    public LanguageSwitcher(LanguageService languages) {
        this(languages, "language");
    }

    /** A second switcher on the page (the phone layout's, in the menu), with an id of its own. */
    public LanguageSwitcher(LanguageService languages, String id) {
        Select<Language> select = getContent();
        select.setId(id);
        select.addClassName("language-switcher");
        select.setItems(Language.values());
        select.setItemLabelGenerator(Language::nativeName);
        Localized.bind(select, select::setAriaLabel, "language.switcher");
        select.setValue(Language.of(Localized.localeOf(select)).orElse(Language.EN));
        select.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                switchTo(event.getValue(), languages);
            }
        });
    }

    /** Switched here or by the page's other switcher: each shows the page's language. */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        Language.of(event.getLocale()).filter(shown -> shown != getContent().getValue())
                .ifPresent(getContent()::setValue);
    }

    private static void switchTo(Language language, LanguageService languages) {
        UI ui = UI.getCurrent();
        PageLanguage.apply(ui, language);
        ui.getSession().setAttribute(PageLanguage.CHOSEN_BEFORE_SIGN_IN, languages.choose(language) ? null : language);
        Localized.refresh(ui);
    }
}
