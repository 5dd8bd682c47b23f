package dev.billfold.document;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A power of attorney as its payer's account sees it. {@code validOn} is whether it counts today. */
public record PowerOfAttorneySummary(PowerOfAttorneyId id, String individualName, LocalDate validFrom,
                                     LocalDate validTo, String fileName, PowerOfAttorneyStatus status,
                                     @Nullable String reason, Instant uploadedAt, boolean validOn) {
}
