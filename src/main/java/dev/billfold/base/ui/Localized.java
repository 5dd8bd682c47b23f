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
 * language is switched ({@link #refresh(UI)}) or when its component is attached again after a switch. Only the texts
 * change, so nothing typed into a field is lost and the page does not reload (DD-101). A component whose texts are
 * computed from data can instead implement {@code LocaleChangeObserver}.
 *
 * <p>The bindings of a page live in one list per UI, not in a map and a listener bus per component: that cost about
 * 0.7 KB per bound text in every session (docs/performance.md, session 17). The list lets go of a component once it
 * is detached (after a navigation, or when the list has doubled); a component attached again rejoins it through its
 * element's attach listener.
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
        Object[] copied = params.length == 0 ? params : params.clone();
        return bind(component, setter, locale -> component.getTranslation(locale, key, copied));
    }

    /** A text worked out per locale, e.g. from several keys or a formatted amount. */
    public static <C extends Component> C bind(C component, SerializableConsumer<String> setter,
                                               SerializableFunction<Locale, String> text) {
        Binding binding = new Binding(component, setter, text);
        binding.apply(localeOf(component));
        UI ui = component.getUI().orElseGet(UI::getCurrent);
        if (ui != null) {
            Registry.of(ui).add(binding);
        }
        component.getElement().addAttachListener(event -> component.getUI().ifPresent(attachedTo -> {
            Registry.of(attachedTo).add(binding);
            binding.applyIfStale(attachedTo.getLocale());
        }));
        return component;
    }

    /** A service's message ({@code TopUpForm.rangeHint}) in the component's language. */
    public static String message(Component component, Texts.Message message) {
        return component.getTranslation(localeOf(component), message.key(), message.params());
    }

    /** Sets every bound text on the page in the UI's current language. */
    public static void refresh(UI ui) {
        Registry.of(ui).applyIfStale(ui.getLocale());
    }

    /** The page's language; outside a page (a mail being written), English. */
    public static Locale localeOf(Component component) {
        return component.getUI().or(() -> Optional.ofNullable(UI.getCurrent())).map(UI::getLocale)
                .orElse(Locale.ENGLISH);
    }

    /** The bound texts of one UI's page; pruned of detached components after each navigation. */
    private static final class Registry implements Serializable {
        private static final int SLACK = 64;

        private final List<Binding> bindings = new ArrayList<>();
        private int sizeAfterPrune;

        static Registry of(UI ui) {
            Registry registry = ComponentUtil.getData(ui, Registry.class);
            if (registry == null) {
                registry = new Registry();
                ComponentUtil.setData(ui, Registry.class, registry);
                Registry added = registry;
                ui.addAfterNavigationListener(event -> added.prune());
            }
            return registry;
        }

        void add(Binding binding) {
            if (binding.registered) {
                return;
            }
            if (bindings.size() >= 2 * sizeAfterPrune + SLACK) {
                prune();
            }
            binding.registered = true;
            bindings.add(binding);
        }

        void applyIfStale(Locale locale) {
            // A detached component's text is set too: it may be shown again and must not show the old language
            for (Binding binding : List.copyOf(bindings)) {
                binding.applyIfStale(locale);
            }
        }

        private void prune() {
            bindings.removeIf(binding -> {
                boolean detached = !binding.component.isAttached();
                if (detached) {
                    binding.registered = false;
                }
                return detached;
            });
            sizeAfterPrune = bindings.size();
        }
    }

    private static final class Binding implements Serializable {
        private final Component component;
        private final SerializableConsumer<String> setter;
        private final SerializableFunction<Locale, String> text;
        private @Nullable Locale appliedIn;
        private boolean registered;

        Binding(Component component, SerializableConsumer<String> setter, SerializableFunction<Locale, String> text) {
            this.component = component;
            this.setter = setter;
            this.text = text;
        }

        void applyIfStale(Locale locale) {
            if (!Objects.equals(appliedIn, locale)) {
                apply(locale);
            }
        }

        void apply(Locale locale) {
            setter.accept(text.apply(locale));
            appliedIn = locale;
        }
    }
}
