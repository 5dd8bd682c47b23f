package dev.billfold.payment;

import dev.billfold.account.AccountId;
import dev.billfold.account.PayerId;
import dev.billfold.account.PayerType;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An account found by its account number, for a transfer that names no invoice (rule 3): its currency and its active
 * payers, so the caller can apply the payer and third-party rules. {@code defaultPayer} is who a new payment is for
 * when the caller names none; null when the account has no active payer (such a transfer cannot be applied).
 */
public record BankAccount(
        AccountId accountId,
        String accountNumber,
        String accountName,
        Currency currency,
        List<Payer> payers,
        @Nullable PayerId defaultPayer) {

    public record Payer(PayerId payerId, String name, @Nullable String taxId, PayerType kind, boolean isDefault) {
    }
}
