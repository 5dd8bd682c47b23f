package dev.billfold.adjustment;

import dev.billfold.account.AccountId;

/**
 * What a Finance member asks for. The amount is the text they typed, always positive, parsed on the server (DD-005);
 * the direction gives the sign.
 */
public record AdjustmentRequest(AccountId accountId, AdjustmentDirection direction, String amount,
                                AdjustmentCategory category, String note) {
}
