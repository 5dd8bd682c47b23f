package dev.billfold.statement.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import dev.billfold.base.ui.Localized;
import dev.billfold.statement.EntryOutcome;
import dev.billfold.statement.ImportSummary;

/** The statement pages' shared wording, in the page's language. */
final class StatementTexts {

    private StatementTexts() {
    }

    static String outcome(Component page, EntryOutcome outcome) {
        return page.getTranslation("statement.outcome." + outcome.name());
    }

    /** "12 entries, 9 credited, 1 held, 1 unmatched, 0 duplicates, 1 ignored", each count in its plural. */
    static String counts(Component page, ImportSummary s) {
        return page.getTranslation("statement.counts", s.entries(), s.credited(), s.held(), s.unmatched(),
                s.duplicates(), s.ignored());
    }

    static <T> Grid.Column<T> header(Grid.Column<T> column, String key, Object... params) {
        return Localized.bind(column, column::setHeader, key, params);
    }
}
