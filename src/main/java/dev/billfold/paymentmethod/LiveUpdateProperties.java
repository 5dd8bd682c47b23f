package dev.billfold.paymentmethod;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How open methods pages learn of changes made on other nodes (DD-040).
 *
 * @param interval  pause between two looks at the changes of other nodes, on a node with open pages
 */
@ConfigurationProperties("billfold.live-updates")
public record LiveUpdateProperties(@DefaultValue("PT2S") Duration interval) {

    public LiveUpdateProperties {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("billfold.live-updates.interval must be positive");
        }
    }
}
