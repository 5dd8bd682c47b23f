package dev.billfold;

@BillfoldPostgresTest
class ColumnLimitsOnPostgresTest extends ColumnLimitsContract {
}
