package dev.billfold.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.function.SerializableFunction;
import dev.billfold.base.Texts;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Texts that follow the language switcher: each binding sets its text from the bundle now, and again when the
 * language is switched ({@link #refresh(UI)} walks the page) or when its component is attached again after a switch.
 * Only the texts change, so nothing typed into a field is lost and the page does not reload (DD-101). A component
 * whose texts are computed from data can instead implement {@code LocaleChangeObserver}.
 */
public final class Localized {

    private Localized() {
    }

    /** The component's text from the bundle: {@code Localized.text(new Span(), "ui.header.balance")}. */
    public static <C extends Component & HasText> C text(C component, String key, Object... params) {
        return bind(component, component::setText, key, params);
    }

    /** Any text-taking setter: {@code Localized.bind(select, select::setAriaLabel, "language.switcher")}. */
    public static <C extends Component> C bind(C component, SerializableConsumer<String> setter, String key,
                                               Object... params) {
        Object[] copied = params.clone();
        return bind(component, setter, locale -> component.getTranslation(locale, key, copied));
    }

    /** A text worked out per locale, e.g. from several keys or a formatted amount. */
    public static <C extends Component> C bind(C component, SerializableConsumer<String> setter,
                                               SerializableFunction<Locale, String> text) {
        Bindings bindings = ComponentUtil.getData(component, Bindings.class);
        if (bindings == null) {
            bindings = new Bindings();
            ComponentUtil.setData(component, Bindings.class, bindings);
            Bindings attached = bindings;
            component.addAttachListener(event -> attached.applyIfStale(component));
        }
        Binding binding = new Binding(setter, text);
        bindings.list.add(binding);
        binding.apply(localeOf(component));
        return component;
    }

    /** A service's message ({@code TopUpForm.rangeHint}) in the component's language. */
    public static String message(Component component, Texts.Message message) {
        return component.getTranslation(localeOf(component), message.key(), message.params());
    }

    /** Sets every bound text on the page in the UI's current language. */
    public static void refresh(UI ui) {
        refreshTree(ui);
    }

    /** The page's language; outside a page (a mail being written), English. */
    public static Locale localeOf(Component component) {
        return component.getUI().or(() -> Optional.ofNullable(UI.getCurrent())).map(UI::getLocale)
                .orElse(Locale.ENGLISH);
    }

    private static void refreshTree(Component component) {
        Bindings bindings = ComponentUtil.getData(component, Bindings.class);
        if (bindings != null) {
            bindings.applyIfStale(component);
        }
        component.getChildren().forEach(Localized::refreshTree);
    }

    private static final class Bindings implements Serializable {
        private final List<Binding> list = new ArrayList<>();

        void applyIfStale(Component component) {
            Locale locale = localeOf(component);
            for (Binding binding : list) {
                if (!Objects.equals(binding.appliedIn, locale)) {
                    binding.apply(locale);
                }
            }
        }
    }

    private static final class Binding implements Serializable {
        private final SerializableConsumer<String> setter;
        private final SerializableFunction<Locale, String> text;
        private @Nullable Locale appliedIn;

        Binding(SerializableConsumer<String> setter, SerializableFunction<Locale, String> text) {
            this.setter = setter;
            this.text = text;
        }

        void apply(Locale locale) {
            setter.accept(text.apply(locale));
            appliedIn = locale;
        }
    }
}
