package dev.billfold.adjustment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import dev.billfold.adjustment.AdjustmentCategory;
import dev.billfold.adjustment.AdjustmentRow;
import dev.billfold.base.Money;
import dev.billfold.base.ui.Localized;

/**
 * How staff pages write an adjustment, in the page's language: the direction in words, the amount without a sign,
 * and the reason's name.
 */
final class AdjustmentLabels {

    private AdjustmentLabels() {
    }

    static String amount(Component page, Money signed) {
        return page.getTranslation(signed.isPositive() ? "adjustment.amount.credit" : "adjustment.amount.debit",
                (signed.isNegative() ? signed.negate() : signed).format());
    }

    static String amount(Component page, AdjustmentRow row) {
        return amount(page, row.amount());
    }

    static String category(Component page, AdjustmentCategory category) {
        return page.getTranslation("adjustment.category." + category.name());
    }

    static <T> Grid.Column<T> header(Grid.Column<T> column, String key) {
        return Localized.bind(column, column::setHeader, key);
    }
}
