package dev.billfold.hosting;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Renewals and the daily auto-renewal job.
 *
 * @param cron               when the job runs (Spring cron, six fields; "-" switches it off)
 * @param zone               where a "day" starts for paid-until dates and the job
 * @param dueWithinDays      the job renews services whose paid time ends within this many days
 * @param expiringWithinDays an active service is shown as "expiring soon" this many days before its paid time ends
 * @param claimLease         how long one job run holds a service; a run that died releases it after this
 * @param runwayWarningDays  a runway shorter than this many days is shown as a warning (DD-104)
 */
@ConfigurationProperties("billfold.renewals")
public record RenewalProperties(@DefaultValue("0 15 6 * * *") String cron, @DefaultValue("UTC") ZoneId zone,
                                @DefaultValue("3") int dueWithinDays, @DefaultValue("7") int expiringWithinDays,
                                @DefaultValue("PT15M") Duration claimLease, @DefaultValue("14") int runwayWarningDays) {

    public RenewalProperties {
        if (dueWithinDays < 0 || expiringWithinDays < 0 || runwayWarningDays < 0) {
            throw new IllegalArgumentException("Renewal day counts cannot be negative");
        }
        if (claimLease.isNegative() || claimLease.isZero()) {
            throw new IllegalArgumentException("The claim lease must be positive");
        }
    }
}
