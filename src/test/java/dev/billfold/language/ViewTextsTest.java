package dev.billfold.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No view sets a customer-facing text from a literal: every text comes from the bundles (issue 21). The scan looks at
 * what reaches the screen, a string literal with a letter passed to a component that shows it or to a text setter;
 * ids, class names, routes and theme names are not passed there. Views not translated yet are listed in
 * {@code i18n/not-yet-translated.txt}; the list may only shrink, so a translated view must leave it.
 */
class ViewTextsTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path PENDING = Path.of("src/test/resources/i18n/not-yet-translated.txt");

    /** A literal with a letter, as the first argument of a text-showing constructor or setter. */
    static final Pattern TEXT_LITERAL = Pattern.compile(
            "(?:new (?:Span|Button|H1|H2|H3|H4|H5|H6|Paragraph|Anchor|Text|Div|NativeLabel|Checkbox|Tab|RouterLink"
                    + "|TextField|NumberField|BigDecimalField|IntegerField|EmailField|PasswordField|TextArea"
                    + "|ComboBox|Select|DatePicker|DateTimePicker|Details|Notification|ConfirmDialog|MenuItem"
                    + "|ListItem|Strong|Emphasis|Label|SideNavItem|Upload|RadioButtonGroup|CheckboxGroup)(?:<[^>]*>)?"
                    + "|\\.(?:setText|setLabel|setHeader|setHeaderTitle|setHelperText|setPlaceholder|setAriaLabel"
                    + "|setTitle|setErrorMessage|setTooltipText|setConfirmText|setCancelText|setRejectText|show"
                    + "|addItem|setSummaryText|setI18n|appendText))\\(\\s*\"([^\"]*\\p{L}[^\"]*)\"");

    @Test
    void views_take_their_texts_from_the_bundles_except_those_still_listed() throws IOException {
        Set<String> pending = pending();
        List<String> literalsOutsideTheList = new ArrayList<>();
        Set<String> cleanButListed = new TreeSet<>(pending);
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(ViewTextsTest::isView).toList()) {
                String name = SOURCES.relativize(file).toString().replace('\\', '/');
                List<String> literals = literals(Files.readString(file, StandardCharsets.UTF_8));
                if (!literals.isEmpty()) {
                    cleanButListed.remove(name);
                    if (!pending.contains(name)) {
                        literals.forEach(literal -> literalsOutsideTheList.add(name + ": \"" + literal + "\""));
                    }
                }
            }
        }
        assertThat(literalsOutsideTheList).as("texts set from literals; put them in the i18n bundles").isEmpty();
        assertThat(cleanButListed).as("translated views still in " + PENDING + "; remove them").isEmpty();
    }

    @Test
    void the_scan_finds_literal_texts_and_passes_over_ids_and_bundle_lookups() {
        assertThat(literals("""
                var title = new H2("Top up");
                amount.setLabel("Amount");
                Notification.show("Saved", 3000, Position.TOP_CENTER);
                var field = new TextField<>("Name");
                """)).containsExactly("Top up", "Amount", "Saved", "Name");
        assertThat(literals("""
                title.setId("top-up-title");
                Localized.text(new H2(), "payment.topup.title");
                amount.setLabel(getTranslation("payment.topup.amount"));
                button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                var empty = new Span("");
                var price = new Span(" · ");
                """)).isEmpty();
    }

    static List<String> literals(String source) {
        List<String> found = new ArrayList<>();
        Matcher matcher = TEXT_LITERAL.matcher(source);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static boolean isView(Path file) {
        String path = file.toString().replace('\\', '/');
        return path.endsWith(".java") && (path.contains("/ui/") || path.contains("/gateway/demo/"));
    }

    private static Set<String> pending() throws IOException {
        Set<String> pending = new TreeSet<>();
        for (String line : Files.readAllLines(PENDING, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                pending.add(line.strip());
            }
        }
        return pending;
    }
}
