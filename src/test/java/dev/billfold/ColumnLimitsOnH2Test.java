package dev.billfold;

@BillfoldTest
class ColumnLimitsOnH2Test extends ColumnLimitsContract {
}
