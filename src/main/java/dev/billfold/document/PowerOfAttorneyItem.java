package dev.billfold.document;

import dev.billfold.account.AccountId;
import dev.billfold.account.PayerId;
import dev.billfold.account.PayerType;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A power of attorney as staff review it, with its payer and account. */
public record PowerOfAttorneyItem(PowerOfAttorneyId id, AccountId accountId, String accountNumber,
                                  String accountName, PayerId payerId, String payerName, PayerType payerType,
                                  String individualName, LocalDate validFrom, LocalDate validTo, String fileName,
                                  DocumentKind kind, int sizeBytes, Instant uploadedAt, String uploadedBy,
                                  PowerOfAttorneyStatus status, @Nullable String reason, @Nullable String decidedBy,
                                  @Nullable Instant decidedAt) {
}
