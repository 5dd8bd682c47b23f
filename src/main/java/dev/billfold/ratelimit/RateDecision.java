package dev.billfold.ratelimit;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What the limiter answered.
 *
 * @param allowed       whether the use is within every limit asked about
 * @param retryAfter    for a refusal: how long until it would be allowed (zero when allowed)
 * @param refusedLimit  for a refusal: the name of the limit with the longest wait, so the caller can say which
 */
public record RateDecision(boolean allowed, Duration retryAfter, @Nullable String refusedLimit) {

    static final RateDecision ALLOWED = new RateDecision(true, Duration.ZERO, null);

    /** The wait for a message, rounded up: "in 40 seconds", "in 6 minutes", "in 2 hours". */
    public static String inWords(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        if (seconds < 60) {
            return "in %d second%s".formatted(seconds, seconds == 1 ? "" : "s");
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 120) {
            return "in %d minute%s".formatted(minutes, minutes == 1 ? "" : "s");
        }
        return "in %d hours".formatted((minutes + 59) / 60);
    }
}
