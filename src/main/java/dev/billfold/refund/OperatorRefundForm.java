package dev.billfold.refund;

import dev.billfold.account.AccountId;
import dev.billfold.base.Money;
import java.util.List;

/**
 * What Finance sees before refunding one of an account's payments: the balance, which bounds every refund, and each
 * credited top-up with what it has left and why it cannot be refunded, if so.
 */
public record OperatorRefundForm(AccountId accountId, Money balance, List<RefundableTopUp> topUps,
                                 List<RefundSummary> refunds) {

    public OperatorRefundForm {
        topUps = List.copyOf(topUps);
        refunds = List.copyOf(refunds);
    }
}
