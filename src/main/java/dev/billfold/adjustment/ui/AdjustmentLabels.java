package dev.billfold.adjustment.ui;

import dev.billfold.adjustment.AdjustmentRow;
import dev.billfold.base.Money;

/** How staff pages write an adjustment's amount: the direction in words, the amount without a sign. */
final class AdjustmentLabels {

    private AdjustmentLabels() {
    }

    static String amount(Money signed) {
        return (signed.isPositive() ? "Credit " : "Debit ") + (signed.isNegative() ? signed.negate() : signed).format();
    }

    static String amount(AdjustmentRow row) {
        return amount(row.amount());
    }
}
