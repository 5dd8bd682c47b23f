package dev.billfold.webhook;

import java.util.Arrays;
import java.util.Optional;

/** The events an endpoint can listen to, with the name on the wire and when each fires (docs/api.md, "Webhooks"). */
public enum EventType {
    ACCOUNT_CREATED("account.created", "An account was created (through the integration API)."),
    PAYMENT_CREDITED("payment.credited",
            "A payment was credited to the balance, or conditionally credited; once per payment."),
    PAYMENT_REJECTED("payment.rejected", "The provider declined a payment, or the customer cancelled it."),
    PAYMENT_HELD("payment.held", "Money arrived that cannot be credited yet: held for clarification by staff."),
    PAYMENT_REFUNDED("payment.refunded", "A payment was returned to the payer and the balance debited."),
    SERVICE_CREATED("service.created", "A hosted service was created (through the integration API)."),
    SERVICE_RENEWED("service.renewed", "A service was renewed from the balance; paid_until moved on."),
    SERVICE_RENEWAL_FAILED("service.renewal_failed",
            "The daily auto-renewal could not renew a due service (at most once a day per service)."),
    SERVICE_SUSPENDED("service.suspended", "A service's paid time ran out and it was suspended: stop the server."),
    SERVICE_RESUMED("service.resumed", "A suspended service was switched on again: start the server."),
    BALANCE_LOW("balance.low", "A posting took the balance below the account's low-balance threshold."),
    METHOD_CONFIRMED("method.confirmed", "A saved payment method was confirmed by its provider."),
    METHOD_FAILED("method.failed", "A saved payment method's setup failed or was given up."),
    METHOD_REMOVED("method.removed", "A saved payment method was removed.");

    private final String wireName;
    private final String firesWhen;

    EventType(String wireName, String firesWhen) {
        this.wireName = wireName;
        this.firesWhen = firesWhen;
    }

    public String wireName() {
        return wireName;
    }

    public String firesWhen() {
        return firesWhen;
    }

    public static Optional<EventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
