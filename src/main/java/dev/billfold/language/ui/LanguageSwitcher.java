package dev.billfold.language.ui;

import com.vaadin.flow.component.AbstractSinglePropertyField;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import dev.billfold.base.ui.Localized;
import dev.billfold.language.Language;
import dev.billfold.language.LanguageService;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The language menu in the header (in the menu on a phone, where the header has no room) and on the sign-in page.
 * Switching changes every text on the page at once, with no reload, so nothing typed is lost; it is kept for the
 * signed-in user, and for the browser session before sign-in (DD-101). Each language is named in itself, so a reader
 * lost in the current one still finds theirs.
 *
 * <p>It is the same {@code vaadin-select} as Flow's {@code Select}, but its five items are drawn by the browser from
 * one {@code items} property instead of living as eleven state nodes on the server: every page carries it, so every
 * session paid for them (docs/performance.md, session 17).
 */
@Tag("vaadin-select")
@JsModule("@vaadin/select/src/vaadin-select.js")
public final class LanguageSwitcher extends AbstractSinglePropertyField<LanguageSwitcher, Language>
        implements HasStyle, LocaleChangeObserver {

    /** The header's switcher. */
    public LanguageSwitcher(LanguageService languages) {
        this(languages, "language");
    }

    /** A second switcher on the page (the phone layout's, in the menu), with an id of its own. */
    public LanguageSwitcher(LanguageService languages, String id) {
        super("value", null, String.class, tag -> Language.fromTag(tag).orElse(null),
                language -> language == null ? "" : language.tag());
        setId(id);
        addClassName("language-switcher");
        getElement().setPropertyJson("items", items());
        Localized.bind(this, name -> getElement().setProperty("accessibleName", name), "language.switcher");
        setValue(Language.of(Localized.localeOf(this)).orElse(Language.EN));
        addValueChangeListener(event -> {
            if (!event.isFromClient()) {
                return;
            }
            if (event.getValue() == null) {
                // Not one of the items (a tampered request): show the page's language again, change nothing
                setValue(Language.of(Localized.localeOf(this)).orElse(Language.EN));
            } else {
                switchTo(event.getValue(), languages);
            }
        });
    }

    /** Switched here or by the page's other switcher: each shows the page's language. */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        Language.of(event.getLocale()).filter(shown -> shown != getValue()).ifPresent(this::setValue);
    }

    private static ArrayNode items() {
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        for (Language language : Language.values()) {
            items.addObject().put("label", language.nativeName()).put("value", language.tag());
        }
        return items;
    }

    private static void switchTo(Language language, LanguageService languages) {
        UI ui = UI.getCurrent();
        PageLanguage.apply(ui, language);
        ui.getSession().setAttribute(PageLanguage.CHOSEN_BEFORE_SIGN_IN, languages.choose(language) ? null : language);
        Localized.refresh(ui);
    }
}
