package dev.billfold.adjustment;

import dev.billfold.account.AccountId;
import dev.billfold.base.Money;

/**
 * What the adjustment form shows of an account, with the bounds in its currency.
 *
 * @param approvalAbove an amount above this waits for a second Finance member's approval
 * @param max           the largest amount one adjustment moves
 */
public record AdjustmentForm(AccountId accountId, String accountNumber, String accountName, Money balance,
                             Money approvalAbove, Money max) {
}
