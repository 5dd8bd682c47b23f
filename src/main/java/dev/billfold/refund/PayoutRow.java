package dev.billfold.refund;

import dev.billfold.account.AccountId;
import dev.billfold.base.Money;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A bank-transfer part that Finance pays out: to whom, how much, and since when it is due. */
public record PayoutRow(RefundPartId id, RefundRequestId requestId, AccountId accountId, String accountName,
                        String accountNumber, Money amount, String paidInBy, String holder, String iban,
                        @Nullable String bic, Instant dueSince) {
}
