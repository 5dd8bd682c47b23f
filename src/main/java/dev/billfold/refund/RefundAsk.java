package dev.billfold.refund;

import org.jspecify.annotations.Nullable;

/**
 * A customer's request as the form sends it: the amount as typed, the form's own key (a double click or a resent
 * form is one request), and the bank account for the parts that go back by bank transfer, if any.
 */
public record RefundAsk(@Nullable String amount, String requestKey, @Nullable String payoutHolder,
                        @Nullable String payoutIban, @Nullable String payoutBic) {

    public static RefundAsk of(String amount, String requestKey) {
        return new RefundAsk(amount, requestKey, null, null, null);
    }
}
