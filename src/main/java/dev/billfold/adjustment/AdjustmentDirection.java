package dev.billfold.adjustment;

/** A credit raises the balance, a debit lowers it; the amount a staff member types is always positive. */
public enum AdjustmentDirection {
    CREDIT, DEBIT
}
