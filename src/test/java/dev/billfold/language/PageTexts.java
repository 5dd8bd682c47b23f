package dev.billfold.language;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.List;

/**
 * Every text a page shows, for the language tests: text nodes, the properties and attributes a screen reader or a
 * field shows (label, helper text, placeholder, aria-label, title), grid column headers and the first rows' cells.
 */
public final class PageTexts {

    private static final List<String> PROPERTIES = List.of("label", "helperText", "placeholder", "errorMessage",
            "headerTitle", "title");
    private static final List<String> ATTRIBUTES = List.of("aria-label", "title", "placeholder");

    private PageTexts() {
    }

    public static List<String> of(Component root) {
        List<String> texts = new ArrayList<>();
        collect(root, texts);
        return texts;
    }

    private static void collect(Component component, List<String> texts) {
        Element element = component.getElement();
        add(texts, element.getText());
        PROPERTIES.forEach(name -> add(texts, element.getProperty(name)));
        ATTRIBUTES.forEach(name -> add(texts, element.getAttribute(name)));
        if (component instanceof Grid<?> grid) {
            gridTexts(grid, texts);
        }
        component.getChildren().forEach(child -> collect(child, texts));
    }

    private static void gridTexts(Grid<?> grid, List<String> texts) {
        grid.getColumns().forEach(column -> add(texts, column.getHeaderText()));
        int rows = Math.min(3, GridKt._size(grid));
        for (int row = 0; row < rows; row++) {
            texts.addAll(GridKt._getFormattedRow(grid, row));
        }
    }

    private static void add(List<String> texts, String text) {
        if (text != null && !text.isBlank()) {
            texts.add(text);
        }
    }
}
