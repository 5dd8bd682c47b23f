package dev.billfold.language.ui;

import com.vaadin.flow.component.Component;
import dev.billfold.language.LanguageService;
import dev.billfold.security.ui.SignInPageControl;

/** The language menu on the sign-in page: a reader who cannot read the page yet switches it before signing in. */
@org.springframework.stereotype.Component
class SignInLanguageSwitcher implements SignInPageControl {

    private final LanguageService languages;

    SignInLanguageSwitcher(LanguageService languages) {
        this.languages = languages;
    }

    @Override
    public Component create() {
        return new LanguageSwitcher(languages);
    }
}
