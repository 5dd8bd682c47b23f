package dev.billfold.adjustment;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Balance adjustments' bounds per account currency (ISO code). A currency without both entries cannot be adjusted:
 * like the top-up limits, these are never guessed.
 *
 * @param approvalAbove an adjustment whose amount is above this waits for a second Finance member ("four eyes");
 *                      at or below it posts at once. 0 sends every adjustment to the queue.
 * @param max           the largest amount one adjustment moves, credit or debit
 */
@ConfigurationProperties("billfold.adjustments")
public record AdjustmentProperties(Map<String, BigDecimal> approvalAbove, Map<String, BigDecimal> max) {

    public AdjustmentProperties {
        approvalAbove = approvalAbove == null ? Map.of() : Map.copyOf(approvalAbove);
        max = max == null ? Map.of() : Map.copyOf(max);
        approvalAbove.forEach((currency, limit) -> {
            if (limit.signum() < 0) {
                throw new IllegalArgumentException(
                        "billfold.adjustments.approval-above.%s must not be negative".formatted(currency));
            }
        });
        max.forEach((currency, most) -> {
            if (most.signum() <= 0) {
                throw new IllegalArgumentException(
                        "billfold.adjustments.max.%s must be more than zero".formatted(currency));
            }
        });
    }
}
