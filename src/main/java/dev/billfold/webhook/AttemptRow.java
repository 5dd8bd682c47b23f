package dev.billfold.webhook;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One attempt of a delivery: when, how long, and what the receiver answered (its first bytes). */
public record AttemptRow(int attempt, Instant startedAt, int latencyMs, @Nullable Integer statusCode,
                         AttemptOutcome outcome, @Nullable String error, @Nullable String response) {
}
