package dev.billfold.payment;

import dev.billfold.account.AccountId;
import dev.billfold.base.Money;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A dispute still open at its provider, as the back office's queue shows it: the disputed amount is debited from the
 * account while it is open (DD-070).
 *
 * @param providerStatus the provider's own words ("needs response", "under review")
 */
public record OpenDispute(String provider, String disputeId, PaymentId paymentId, AccountId accountId,
                          String accountNumber, String accountName, Money amount, Money paymentAmount,
                          String providerStatus, @Nullable String reason, Instant openedAt) {
}
