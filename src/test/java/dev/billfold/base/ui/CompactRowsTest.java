package dev.billfold.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.grid.Grid;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Below the breakpoint a grid shows only its compact column; at and above it, only the others (DD-102). The width
 * read at attach and on resize is the browser's: NarrowScreensE2E covers that part.
 */
class CompactRowsTest {

    private Grid<String> grid;
    private Grid.Column<String> date;
    private Grid.Column<String> method;
    private Grid.Column<String> compact;
    private CompactRows<String> rows;

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
        grid = new Grid<>();
        date = grid.addColumn(text -> text);
        method = grid.addColumn(text -> text);
        compact = grid.addColumn(text -> text);
        rows = CompactRows.of(grid, compact);
        grid.setItems(List.of("a", "b"));
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void a_phone_width_shows_only_the_compact_column() {
        rows.show(375);

        assertThat(rows.isCompact()).isTrue();
        assertThat(compact.isVisible()).isTrue();
        assertThat(date.isVisible()).isFalse();
        assertThat(method.isVisible()).isFalse();
    }

    @Test
    void the_breakpoint_and_wider_show_the_full_columns() {
        rows.show(375);
        rows.show(CompactRows.BREAKPOINT);

        assertThat(rows.isCompact()).isFalse();
        assertThat(compact.isVisible()).isFalse();
        assertThat(date.isVisible()).isTrue();
        assertThat(method.isVisible()).isTrue();
    }

    @Test
    void an_unknown_width_counts_as_wide_and_the_grid_starts_wide() {
        assertThat(rows.isCompact()).isFalse();
        assertThat(compact.isVisible()).isFalse();

        rows.show(-1);

        assertThat(rows.isCompact()).isFalse();
        assertThat(date.isVisible()).isTrue();
    }
}
