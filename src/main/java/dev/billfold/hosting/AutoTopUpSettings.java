package dev.billfold.hosting;

import dev.billfold.base.Money;

/** The account's auto top-up as its members see it: the rule, the guards' state, and what it topped up this month. */
public record AutoTopUpSettings(AutoTopUpRule rule, AutoTopUpState state, Money usedThisMonth) {
}
