package dev.billfold.gateway;

import dev.billfold.base.Money;
import java.util.Objects;

/**
 * A push to a customer's phone.
 *
 * @param phone            the normalised phone number ({@link KenyanPhone})
 * @param accountReference what the customer's phone and statement show as the reference: the account number
 * @param description      a short text for the provider (Daraja keeps 13 characters)
 */
public record PhonePushRequest(String idempotencyKey, Money amount, KenyanPhone phone, String accountReference,
                               String description, String returnPath) {

    public PhonePushRequest {
        Objects.requireNonNull(idempotencyKey);
        Objects.requireNonNull(amount);
        Objects.requireNonNull(phone);
        Objects.requireNonNull(accountReference);
        CheckoutRequest.requireOwnPath(returnPath);
    }
}
