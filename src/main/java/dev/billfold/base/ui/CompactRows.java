package dev.billfold.base.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.Renderer;
import com.vaadin.flow.shared.Registration;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A grid that shows one compact column (date · amount · status) instead of its full ones when the window is narrower
 * than {@link #BREAKPOINT}, so that a phone never scrolls it sideways; the rest is in the row's detail, which Enter
 * opens as a click does (DD-102). The width comes from the browser's details at attach and from its resize events.
 */
public final class CompactRows<T> implements Serializable {

    /** CSS px; a 1280 px window zoomed to 200 % (640) is compact too. */
    public static final int BREAKPOINT = 720;
    /** The item under the keyboard's focus when Enter is pressed in the body, as the data communicator's key. */
    private static final String ENTERED_ITEM = "element.getEventContext(event).section === 'body'"
            + " && element.getEventContext(event).item ? element.getEventContext(event).item.key : null";

    private final Grid<T> grid;
    private final Grid.Column<T> compact;
    private final List<Grid.Column<T>> wide;
    private boolean narrow;
    private @Nullable Registration resizing;

    private CompactRows(Grid<T> grid, Grid.Column<T> compact) {
        this.grid = grid;
        this.compact = compact;
        this.wide = new ArrayList<>(grid.getColumns());
        this.wide.remove(compact);
        show(Integer.MAX_VALUE);
        grid.addAttachListener(event -> {
            show(event.getUI().getPage().getExtendedClientDetails().getWindowInnerWidth());
            resizing = event.getUI().getPage().addBrowserWindowResizeListener(resized -> show(resized.getWidth()));
        });
        grid.addDetachListener(event -> {
            if (resizing != null) {
                resizing.remove();
                resizing = null;
            }
        });
        grid.getElement().addEventListener("keydown", event -> {
            String key = event.getEventData().path(ENTERED_ITEM).asString("");
            T item = key.isEmpty() ? null : grid.getDataCommunicator().getKeyMapper().get(key);
            if (item != null) {
                grid.select(item);
            }
        }).setFilter("event.key === 'Enter'").addEventData(ENTERED_ITEM);
    }

    /**
     * Makes {@code compact} (already added to {@code grid}) the grid's only column below the breakpoint; the other
     * columns the grid has at this call are shown at and above it.
     */
    public static <T> CompactRows<T> of(Grid<T> grid, Grid.Column<T> compact) {
        return new CompactRows<>(grid, compact);
    }

    /**
     * The rest of a row, shown under it when it is selected while the grid is compact; where the full columns show,
     * it would only repeat them.
     */
    public CompactRows<T> withDetails(Renderer<T> details) {
        grid.setItemDetailsRenderer(details);
        grid.setDetailsVisibleOnClick(false);
        grid.asSingleSelect().addValueChangeListener(event -> {
            if (event.getOldValue() != null) {
                grid.setDetailsVisible(event.getOldValue(), false);
            }
            if (event.getValue() != null && narrow) {
                grid.setDetailsVisible(event.getValue(), true);
            }
        });
        return this;
    }

    /** Whether the grid shows the compact column now. */
    public boolean isCompact() {
        return narrow;
    }

    /** Shows the columns for a window this wide (CSS px); an unknown width (0 or less) counts as wide. */
    void show(int windowWidth) {
        narrow = windowWidth > 0 && windowWidth < BREAKPOINT;
        compact.setVisible(narrow);
        wide.forEach(column -> column.setVisible(!narrow));
    }
}
