package dev.billfold.notification;

import dev.billfold.language.Language;
import dev.billfold.language.Translations;
import dev.billfold.payment.InvoiceIssued;
import dev.billfold.payment.InvoiceProperties;
import dev.billfold.payment.PaymentDocuments;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.PaymentSettled;
import dev.billfold.payment.PaymentStatus;
import dev.billfold.payment.PaymentsSettled;
import dev.billfold.refund.RefundPartSucceeded;
import dev.billfold.security.UserId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records the mails that causes owe, inside the cause's own transaction: the mail log row and the {@link MailQueued}
 * publication commit or roll back with the invoice or the credit. One mail per cause: the invoice issued, the receipt
 * of a payment (whichever way it was credited, once), each resend request. With mail switched off the row is written
 * LOGGED at once and nothing is published: there is nothing to send, so nothing waits in the outbox (DD-066).
 */
@Component
class MailOutbox {

    /** The cause of a refund receipt mail: this and the refund part's id. */
    static final String REFUND_RECEIPT = "refund-receipt:";
    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    private final MailLogStore store;
    private final ApplicationEventPublisher events;
    private final InvoiceProperties issuer;
    private final CustomerMailProperties mail;
    private final MailLanguage languages;
    private final Translations translations;
    private final Clock clock;

    MailOutbox(MailLogStore store, ApplicationEventPublisher events, InvoiceProperties issuer,
               CustomerMailProperties mail, MailLanguage languages, Translations translations, Clock clock) {
        this.store = store;
        this.events = events;
        this.issuer = issuer;
        this.mail = mail;
        this.languages = languages;
        this.translations = translations;
        this.clock = clock;
    }

    /** Synchronous, in the transaction that issued the invoice. */
    @EventListener
    void invoiceIssued(InvoiceIssued issued) {
        Language language = languages.forCause(issued.paymentId());
        record(new MailLogStore.NewMail("invoice:" + issued.paymentId().value(), MailKind.INVOICE,
                issued.paymentId(), null, invoiceSubject(issued.invoiceNumber(), language), null, language));
    }

    /**
     * Synchronous, in the settlement's transaction. Card, PayPal and bank-transfer credits all pass the settlement and
     * its event; a payment gets one receipt, however often it is settled.
     */
    @EventListener
    void paymentSettled(PaymentSettled settled) {
        if (owesReceipt(settled)) {
            record(receipt(settled.paymentId()));
        }
    }

    /**
     * A statement batch's settlements, in their transaction: the receipts are inserted as one JDBC batch and sent
     * through one publication naming the batch, so a batch of 1,000 credits costs one outbox row, not 1,000.
     */
    @EventListener
    void paymentsSettled(PaymentsSettled batch) {
        List<MailLogStore.NewMail> receipts = batch.payments().stream().filter(MailOutbox::owesReceipt)
                .map(settled -> receipt(settled.paymentId())).toList();
        if (receipts.isEmpty()) {
            return;
        }
        if (!mail.enabled()) {
            store.insertAll(receipts, null, MailStatus.LOGGED, clock.instant());
            log.debug("Mail is switched off (billfold.mail.enabled=false): {} receipts logged, not sent",
                    receipts.size());
            return;
        }
        UUID mailBatch = UUID.randomUUID();
        if (store.insertAll(receipts, mailBatch, MailStatus.QUEUED, clock.instant()) > 0) {
            events.publishEvent(new MailBatchQueued(mailBatch));
        }
    }

    /**
     * Synchronous, in the transaction that recorded the part's money as gone back (our provider's answer or webhook,
     * the recheck job, Finance's payout): one refund receipt per part, however often the news comes (DD-078).
     */
    @EventListener
    void refundSucceeded(RefundPartSucceeded succeeded) {
        Language language = languages.forCause(succeeded.paymentId());
        record(new MailLogStore.NewMail(REFUND_RECEIPT + succeeded.partId().value(), MailKind.REFUND_RECEIPT,
                succeeded.paymentId(), null,
                abbreviate(translations.translate(language, "mail.refund.subject", issuer.recipientName())), null,
                language));
    }

    /** A member's request to send the invoice again; its own cause, so every request is one mail. */
    Optional<MailId> invoiceAgain(PaymentId paymentId, String invoiceNumber, String recipient, UserId requestedBy,
                                  String requestKey) {
        Language language = languages.forRequester(requestedBy);
        return record(new MailLogStore.NewMail("invoice-again:" + requestKey, MailKind.INVOICE_AGAIN, paymentId,
                recipient, invoiceSubject(invoiceNumber, language), requestedBy, language));
    }

    private static boolean owesReceipt(PaymentSettled settled) {
        return settled.status() == PaymentStatus.CREDITED || settled.status() == PaymentStatus.CONDITIONALLY_CREDITED;
    }

    private MailLogStore.NewMail receipt(PaymentId paymentId) {
        Language language = languages.forCause(paymentId);
        return new MailLogStore.NewMail("receipt:" + paymentId.value(), MailKind.RECEIPT, paymentId, null,
                abbreviate(translations.translate(language, "mail.receipt.subject",
                        PaymentDocuments.receiptNumber(paymentId), issuer.recipientName())), null, language);
    }

    private String invoiceSubject(String number, Language language) {
        return abbreviate(translations.translate(language, "mail.invoice.subject", number, issuer.recipientName()));
    }

    private Optional<MailId> record(MailLogStore.NewMail next) {
        if (!mail.enabled()) {
            log.debug("Mail is switched off (billfold.mail.enabled=false): {} mail for payment {} logged, not sent",
                    next.kind(), next.paymentId().value());
            return store.insert(next, MailStatus.LOGGED, clock.instant());
        }
        Optional<MailId> id = store.insert(next, MailStatus.QUEUED, clock.instant());
        id.ifPresent(queued -> events.publishEvent(new MailQueued(queued.value())));
        return id;
    }

    private static String abbreviate(String subject) {
        return subject.length() <= 200 ? subject : subject.substring(0, 199) + "…";
    }
}
