package dev.billfold.payment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.data.relational.core.mapping.event.AfterSaveCallback;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The money-flow meters (DD-084): {@code billfold.payments} counts payments created and every status they move to,
 * per provider and method kind; {@code billfold.payments.amount} sums the amounts per event and currency. No payment,
 * account or user id is ever a tag, and an amount is a measurement, never a label. Counted after the commit, so a
 * move that rolls back is never counted; every status move is stored through {@link PaymentStateStore}, every new
 * payment through {@link PaymentRepository#save} or {@link PaymentStateStore#insertAll}.
 */
@Component
class PaymentMeters implements AfterSaveCallback<Payment> {

    static final String PAYMENTS = "billfold.payments";
    static final String AMOUNTS = "billfold.payments.amount";
    static final String LIMIT_REFUSALS = "billfold.topup.limit.refusals";

    /** Why a top-up was refused by a limit; the tag's values. */
    enum Refusal { BELOW_MINIMUM, ABOVE_MAXIMUM, DAILY_COUNT, DAILY_TOTAL }

    private final MeterRegistry registry;

    PaymentMeters(MeterRegistry registry) {
        this.registry = registry;
        // Present from the start, so that a dashboard and an alert's rate see a zero rather than no series.
        for (Refusal refusal : Refusal.values()) {
            refusals(refusal);
        }
    }

    /** A payment the repository stored: version 0 means it was just created (the aggregate's first insert). */
    @Override
    public Payment onAfterSave(Payment saved) {
        if (saved.version() != null && saved.version() == 0) {
            created(saved);
        }
        return saved;
    }

    void created(Payment payment) {
        afterCommit(() -> count("created", payment));
    }

    /**
     * A stored update. One still WAITING_FOR_PAYMENT is not a move (a provider reference, a waiting reason); any other
     * is: {@link Payment}'s moves never stay where they are, and the one change without a move that a held payment
     * takes (its provider reference) is always stored together with the move that follows it.
     */
    void stored(Payment after) {
        if (after.status() != PaymentStatus.WAITING_FOR_PAYMENT) {
            afterCommit(() -> count(event(after.status()), after));
        }
    }

    void refused(Refusal refusal) {
        refusals(refusal).increment();
    }

    private Counter refusals(Refusal refusal) {
        return registry.counter(LIMIT_REFUSALS, "reason", refusal.name().toLowerCase(Locale.ROOT));
    }

    private void count(String event, Payment payment) {
        String provider = payment.provider() == null ? "bank" : payment.provider();
        String method = payment.methodKind().name().toLowerCase(Locale.ROOT);
        registry.counter(PAYMENTS, "event", event, "provider", provider, "method", method).increment();
        DistributionSummary.builder(AMOUNTS)
                .tags("event", event, "provider", provider, "method", method,
                        "currency", payment.amount().currencyCode())
                .register(registry).record(payment.amount().value().doubleValue());
    }

    /** The tag value of a status: "held" for a payment waiting for clarification. */
    static String event(PaymentStatus status) {
        return status == PaymentStatus.WAITING_FOR_CLARIFICATION ? "held" : status.name().toLowerCase(Locale.ROOT);
    }

    private static void afterCommit(Runnable count) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count.run();
            }
        });
    }
}
