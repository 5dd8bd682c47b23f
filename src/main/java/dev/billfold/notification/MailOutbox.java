package dev.billfold.notification;

import dev.billfold.payment.InvoiceIssued;
import dev.billfold.payment.InvoiceProperties;
import dev.billfold.payment.PaymentDocuments;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.PaymentSettled;
import dev.billfold.payment.PaymentStatus;
import dev.billfold.security.UserId;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records the mails that causes owe, inside the cause's own transaction: the mail log row and the {@link MailQueued}
 * publication commit or roll back with the invoice or the credit. One mail per cause: the invoice issued, the receipt
 * of a payment (whichever way it was credited, once), each resend request.
 */
@Component
class MailOutbox {

    private final MailLogStore log;
    private final ApplicationEventPublisher events;
    private final InvoiceProperties issuer;
    private final Clock clock;

    MailOutbox(MailLogStore log, ApplicationEventPublisher events, InvoiceProperties issuer, Clock clock) {
        this.log = log;
        this.events = events;
        this.issuer = issuer;
        this.clock = clock;
    }

    /** Synchronous, in the transaction that issued the invoice. */
    @EventListener
    void invoiceIssued(InvoiceIssued issued) {
        record("invoice:" + issued.paymentId().value(), MailKind.INVOICE, issued.paymentId(), null,
                invoiceSubject(issued.invoiceNumber()), null);
    }

    /**
     * Synchronous, in the settlement's transaction. Card, PayPal and bank-transfer credits all pass the settlement and
     * its event; a payment gets one receipt, however often it is settled.
     */
    @EventListener
    void paymentSettled(PaymentSettled settled) {
        if (settled.status() == PaymentStatus.CREDITED || settled.status() == PaymentStatus.CONDITIONALLY_CREDITED) {
            record("receipt:" + settled.paymentId().value(), MailKind.RECEIPT, settled.paymentId(), null,
                    "Receipt %s from %s".formatted(PaymentDocuments.receiptNumber(settled.paymentId()),
                            issuer.recipientName()), null);
        }
    }

    /** A member's request to send the invoice again; its own cause, so every request is one mail. */
    Optional<MailId> invoiceAgain(PaymentId paymentId, String invoiceNumber, String recipient, UserId requestedBy,
                                  String requestKey) {
        return record("invoice-again:" + requestKey, MailKind.INVOICE_AGAIN, paymentId, recipient,
                invoiceSubject(invoiceNumber), requestedBy);
    }

    private String invoiceSubject(String number) {
        return "Invoice %s from %s".formatted(number, issuer.recipientName());
    }

    private Optional<MailId> record(String cause, MailKind kind, PaymentId paymentId, @Nullable String recipient,
                                    String subject, @Nullable UserId requestedBy) {
        Optional<MailId> id = log.insert(cause, kind, paymentId, recipient, abbreviate(subject), requestedBy,
                clock.instant());
        id.ifPresent(mail -> events.publishEvent(new MailQueued(mail.value())));
        return id;
    }

    private static String abbreviate(String subject) {
        return subject.length() <= 200 ? subject : subject.substring(0, 199) + "…";
    }
}
