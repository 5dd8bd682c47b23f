package dev.billfold.language.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import dev.billfold.base.MessageLocale;
import dev.billfold.language.Language;
import dev.billfold.language.LanguageService;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A new page opens in the signed-in user's stored language. Without one, Vaadin has already matched the browser's
 * Accept-Language against the bundles; a language picked on the sign-in page is then stored as the user's choice.
 * The page's {@code lang} attribute follows, for screen readers and hyphenation (WCAG 3.1.1), and so do the services'
 * messages to the page ({@link MessageLocale}).
 */
@Component
class PageLanguage implements VaadinServiceInitListener {

    static final String CHOSEN_BEFORE_SIGN_IN = PageLanguage.class.getName() + ".chosen";

    private final LanguageService languages;

    PageLanguage(LanguageService languages) {
        this.languages = languages;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        MessageLocale.use(() -> Optional.ofNullable(UI.getCurrent()).map(UI::getLocale));
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            Language language = languages.mine().orElseGet(() -> chosenBeforeSignIn(ui));
            apply(ui, language);
        });
    }

    private Language chosenBeforeSignIn(UI ui) {
        if (ui.getSession().getAttribute(CHOSEN_BEFORE_SIGN_IN) instanceof Language chosen
                && languages.choose(chosen)) {
            ui.getSession().setAttribute(CHOSEN_BEFORE_SIGN_IN, null);
            return chosen;
        }
        return Language.of(ui.getLocale()).orElse(Language.EN);
    }

    static void apply(UI ui, Language language) {
        ui.getSession().setLocale(language.locale());
        ui.setLocale(language.locale());
        ui.getElement().executeJs("document.documentElement.lang = $0", language.tag());
    }
}
