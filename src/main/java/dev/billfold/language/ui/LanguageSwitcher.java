package dev.billfold.language.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import dev.billfold.base.ui.Localized;
import dev.billfold.language.Language;
import dev.billfold.language.LanguageService;

/**
 * The language menu in the header and on the sign-in page. Switching changes every text on the page at once, with no
 * reload, so nothing typed is lost; it is kept for the signed-in user, and for the browser session before sign-in
 * (DD-101). Each language is named in itself, so a reader lost in the current one still finds theirs.
 */
public final class LanguageSwitcher extends Composite<Select<Language>> {

    public LanguageSwitcher(LanguageService languages) {
        Select<Language> select = getContent();
        select.setId("language");
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

    private static void switchTo(Language language, LanguageService languages) {
        UI ui = UI.getCurrent();
        PageLanguage.apply(ui, language);
        ui.getSession().setAttribute(PageLanguage.CHOSEN_BEFORE_SIGN_IN, languages.choose(language) ? null : language);
        Localized.refresh(ui);
    }
}
