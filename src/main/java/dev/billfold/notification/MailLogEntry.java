package dev.billfold.notification;

import dev.billfold.payment.PaymentId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One line of an account's mail log, for the back office. */
public record MailLogEntry(MailId id, Instant createdAt, MailKind kind, String recipient, String subject,
                           MailStatus status, int attempts, @Nullable Instant sentAt, @Nullable String lastError,
                           PaymentId paymentId) {
}
