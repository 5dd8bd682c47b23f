package dev.billfold.refund;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Refunds of unused balance (DD-071).
 *
 * @param approval      FINANCE (the default): a customer's request waits for a Finance member; IMMEDIATE: it is sent
 *                      at once. Operator refunds are Finance's own decision either way.
 * @param window        per provider id ("stripe", "paypal", "demo") and "bank" for bank transfers: how long after its
 *                      credit a top-up can still be refunded. A provider without an entry takes no refunds from here.
 * @param recheckAfter  how long a part whose provider answer was lost or pending waits before it is asked again
 */
@ConfigurationProperties("billfold.refund-requests")
public record RefundRequestProperties(Approval approval, Map<String, Duration> window, Duration recheckAfter) {

    /** The key of {@link #window} for bank-transfer top-ups, which Finance pays out. */
    public static final String BANK = "bank";

    public RefundRequestProperties {
        approval = approval == null ? Approval.FINANCE : approval;
        window = window == null ? Map.of() : Map.copyOf(window);
        recheckAfter = recheckAfter == null ? Duration.ofMinutes(5) : recheckAfter;
        window.forEach((provider, length) -> {
            if (length.isNegative() || length.isZero()) {
                throw new IllegalArgumentException(
                        "billfold.refund-requests.window.%s must be longer than zero".formatted(provider));
            }
        });
        if (recheckAfter.isNegative() || recheckAfter.isZero()) {
            throw new IllegalArgumentException("billfold.refund-requests.recheck-after must be longer than zero");
        }
    }

    public enum Approval {
        /** Every customer request waits for a Finance member's approval. */
        FINANCE,
        /** Customer requests are sent to the providers at once. */
        IMMEDIATE
    }
}
