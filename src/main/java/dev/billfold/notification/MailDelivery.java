package dev.billfold.notification;

import dev.billfold.payment.PaymentDocument;
import dev.billfold.payment.PaymentDocuments;
import dev.billfold.polling.BackgroundWork;
import dev.billfold.refund.RefundPartId;
import dev.billfold.refund.RefundService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends a queued mail after its cause committed, on a small pool of this node's own, so that neither the customer's
 * request nor a settlement waits for the SMTP server. The publication completes when the mail is final (sent, logged,
 * or failed for good); otherwise it stays incomplete and {@link OutboxRetryJob} resubmits it, on any node.
 *
 * <p>Exactly once: the mail log row is claimed before the SMTP server is called and marked after. A second delivery
 * (another node, a resubmission after a restart) finds it SENT and completes without sending, or finds it held and
 * fails, to be retried after the holder's lease. The one window left is a node that dies after the SMTP server took the
 * mail and before the SENT mark commits: after the lease the mail goes again, with the same Message-ID (DD-066).
 */
@Component
class MailDelivery implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    /** How long shutdown waits for mails being sent; within the default shutdown timeout. */
    private static final Duration SENDS_FINISH_WITHIN = Duration.ofSeconds(15);

    private final MailLogStore store;
    private final PaymentDocuments documents;
    private final RefundService refunds;
    private final DocumentMailer mailer;
    private final OutboxProperties properties;
    private final Clock clock;
    private final ThreadPoolExecutor senders;
    /** Whether the send queue was full at the last try; the warning is logged once per such spell. */
    private final AtomicBoolean overflowing = new AtomicBoolean();

    private final BackgroundWork work;

    MailDelivery(MailLogStore store, PaymentDocuments documents, RefundService refunds, DocumentMailer mailer,
                 OutboxProperties properties, Clock clock, BackgroundWork work) {
        this.work = work;
        this.store = store;
        this.documents = documents;
        this.refunds = refunds;
        this.mailer = mailer;
        this.properties = properties;
        this.clock = clock;
        var number = new AtomicInteger();
        this.senders = new ThreadPoolExecutor(properties.senders(), properties.senders(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.queueCapacity()), task -> {
                    var thread = new Thread(task, "billfold-mail-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * After the commit of the cause (or when the retry job resubmits it). Returns at once; the future decides whether
     * the publication completes.
     */
    @Outboxed
    @TransactionalEventListener
    CompletableFuture<Void> deliver(MailQueued queued) {
        return submit(() -> send(new MailId(queued.mailId())));
    }

    /**
     * A statement batch's receipts, one after the other on one sender. Each is claimed as a single mail is, so a
     * resubmitted batch sends only what is not final yet; one that failed fails the publication after the rest went.
     */
    @Outboxed
    @TransactionalEventListener
    CompletableFuture<Void> deliverBatch(MailBatchQueued queued) {
        return submit(() -> sendBatch(queued.batchId()));
    }

    void sendBatch(UUID batch) {
        RuntimeException firstFailure = null;
        for (MailId id : store.unfinishedOfBatch(batch)) {
            try {
                send(id);
            } catch (RuntimeException failed) {
                if (firstFailure == null) {
                    firstFailure = failed;
                }
            }
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
    }

    private CompletableFuture<Void> submit(Runnable sending) {
        try {
            CompletableFuture<Void> future = CompletableFuture.runAsync(sending, senders);
            overflowing.set(false);
            return future;
        } catch (RejectedExecutionException full) {
            if (overflowing.compareAndSet(false, true)) {
                log.warn("This node's {} queued mails are its limit: mails wait for the retry job from now on",
                        properties.queueCapacity());
            }
            // Left in flight, not failed: a failed future is logged with its stack trace, once for every receipt of
            // a large statement import. The retry job takes a publication in flight past its lease (DD-066).
            return new CompletableFuture<>();
        }
    }

    /**
     * One attempt, on the calling thread. Returns normally when nothing more is to be done for the mail; throws when
     * it must be tried again.
     */
    void send(MailId id) {
        if (work.stopping()) {
            // Shutdown: not claimed, and the publication fails now, so another node's retry job takes it (DD-081).
            throw new NodeStopping("Mail " + id.value() + " not sent: this node is shutting down");
        }
        Instant now = clock.instant();
        Optional<MailLogStore.Claim> claimed = store.claim(id, now, now.plus(properties.lease()));
        if (claimed.isEmpty()) {
            MailStatus status = store.status(id).orElse(null);
            if (status == null || status.isFinal()) {
                return;
            }
            throw new MailHeldElsewhere("Mail " + id.value() + " is being sent by another node; retried later");
        }
        MailLogStore.Claim mail = claimed.get();
        boolean sent;
        try {
            sent = mailer.send(mail, () -> document(mail));
        } catch (RuntimeException failed) {
            boolean last = mail.attempts() >= properties.maxAttempts();
            store.finish(mail, last ? MailStatus.FAILED : MailStatus.QUEUED, clock.instant(), describe(failed));
            if (last) {
                log.error("Mail {} failed for good after {} attempts ({})", id.value(), mail.attempts(),
                        failed.getClass().getSimpleName());
                return;
            }
            // The SMTP server's words may name the address; they are in the mail log for staff, not in the log.
            log.warn("Mail {}: attempt {} failed ({}), retried later", id.value(), mail.attempts(),
                    failed.getClass().getSimpleName());
            throw failed;
        }
        // If this mark is lost (a crash, the database gone), the lease runs out and the mail goes once more.
        if (!store.finish(mail, sent ? MailStatus.SENT : MailStatus.LOGGED, clock.instant(), null)) {
            log.warn("Mail {} was sent after its lease ran out; another node may send it again", id.value());
        }
    }

    private PaymentDocument document(MailLogStore.Claim mail) {
        return switch (mail.kind()) {
            case INVOICE, INVOICE_AGAIN -> documents.invoiceForMail(mail.paymentId());
            case RECEIPT -> documents.receiptForMail(mail.paymentId());
            case REFUND_RECEIPT -> refunds.receiptForMail(new RefundPartId(
                    UUID.fromString(mail.cause().substring(MailOutbox.REFUND_RECEIPT.length()))));
        };
    }

    private static String describe(Throwable failed) {
        Throwable cause = failed;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? "" : ": " + cause.getMessage();
        return cause.getClass().getSimpleName() + message;
    }

    /**
     * Shutdown, after {@link BackgroundWork} began to stop: mails being sent finish (up to the SMTP timeouts), queued
     * ones fail their publication at once instead of starting (DD-081).
     */
    @Override
    public void destroy() {
        senders.shutdown();
        try {
            if (!senders.awaitTermination(SENDS_FINISH_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Shutdown: mails still being sent; a node sends them again after the lease");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        senders.shutdownNow();
    }

    /** The node is going down: the mail was not claimed, its publication is handed back by failing. */
    static final class NodeStopping extends RuntimeException {
        NodeStopping(String message) {
            super(message, null, false, false);
        }
    }

    static final class MailHeldElsewhere extends RuntimeException {
        MailHeldElsewhere(String message) {
            super(message);
        }
    }
}
