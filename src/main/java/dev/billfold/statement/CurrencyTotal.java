package dev.billfold.statement;

import dev.billfold.base.Money;

/** The entries of one result in one currency, and their sum. */
public record CurrencyTotal(EntryOutcome outcome, Money amount, int entries) {
}
