package dev.billfold.base.ui;

import com.vaadin.flow.component.AbstractSinglePropertyField;
import com.vaadin.flow.component.HasAriaLabel;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.ItemLabelGenerator;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A {@code vaadin-select} whose items the browser draws from one {@code items} property: Flow's {@code Select} keeps
 * a list box and a state node per item and per item text on the server, about 0.6 KB each in every session that
 * shows it (docs/performance.md, session 17). For short lists of plain labels; the value is the item itself, sent to
 * the browser as its position in the list, so a tampered position is no item and reads as none.
 */
@Tag("vaadin-select")
@JsModule("@vaadin/select/src/vaadin-select.js")
public class LightSelect<T> extends AbstractSinglePropertyField<LightSelect<T>, @Nullable T>
        implements HasStyle, HasSize, HasLabel, HasHelper, HasAriaLabel, HasValidation {

    private List<T> items = List.of();
    private ItemLabelGenerator<T> labels = String::valueOf;

    public LightSelect() {
        super("value", null, String.class, LightSelect::itemAt, LightSelect::positionOf);
    }

    public void setItems(List<T> items) {
        T kept = getValue();
        this.items = List.copyOf(items);
        renderItems();
        if (kept != null && this.items.contains(kept)) {
            // Still chosen, but perhaps at another position
            getElement().setProperty("value", positionOf(this, kept));
        } else {
            setValue(null);
        }
    }

    public List<T> getItems() {
        return items;
    }

    /** Sets the labels and draws the items again: call it again when the labels change, as with a new language. */
    public void setItemLabelGenerator(ItemLabelGenerator<T> labels) {
        this.labels = labels;
        renderItems();
    }

    public List<String> getItemLabels() {
        return items.stream().map(labels).toList();
    }

    @Override
    public void setAriaLabel(@Nullable String ariaLabel) {
        getElement().setProperty("accessibleName", ariaLabel == null ? "" : ariaLabel);
    }

    @Override
    public Optional<String> getAriaLabel() {
        return Optional.ofNullable(getElement().getProperty("accessibleName")).filter(name -> !name.isEmpty());
    }

    @Override
    public void setErrorMessage(@Nullable String errorMessage) {
        getElement().setProperty("errorMessage", errorMessage == null ? "" : errorMessage);
    }

    @Override
    public @Nullable String getErrorMessage() {
        return getElement().getProperty("errorMessage");
    }

    @Override
    public void setInvalid(boolean invalid) {
        getElement().setProperty("invalid", invalid);
    }

    @Override
    public boolean isInvalid() {
        return getElement().getProperty("invalid", false);
    }

    private void renderItems() {
        ArrayNode rendered = JsonNodeFactory.instance.arrayNode();
        for (int position = 0; position < items.size(); position++) {
            rendered.addObject().put("label", labels.apply(items.get(position))).put("value",
                    Integer.toString(position));
        }
        getElement().setPropertyJson("items", rendered);
    }

    private static <T> @Nullable T itemAt(LightSelect<T> select, @Nullable String position) {
        if (position == null || position.isEmpty() || position.length() > 9 || !position.chars()
                .allMatch(Character::isDigit)) {
            return null;
        }
        int index = Integer.parseInt(position);
        return index < select.items.size() ? select.items.get(index) : null;
    }

    private static <T> String positionOf(LightSelect<T> select, @Nullable T item) {
        int index = item == null ? -1 : select.items.indexOf(item);
        return index < 0 ? "" : Integer.toString(index);
    }
}
