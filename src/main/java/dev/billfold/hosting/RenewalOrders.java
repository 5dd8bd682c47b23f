package dev.billfold.hosting;

import dev.billfold.base.InvalidRequestException;
import dev.billfold.payment.PaymentSettled;
import dev.billfold.payment.PaymentStatus;
import dev.billfold.payment.PaymentsSettled;
import dev.billfold.payment.ShortfallTopUps;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completes a renewal order when the top-up made for it settles (DD-027). Whether an order waits is asked inside the
 * settlement's transaction (BEFORE_COMMIT); the order is completed after the credit commits (AFTER_COMMIT, in a
 * transaction of its own), so a renewal never rides on a credit that rolled back. The order row is locked and must
 * still be waiting, so the event, a repeated event and the job's recovery sweep (for a completion lost in a crash
 * between the commit and the listener) complete it exactly once; the charges' unique keys stand behind that.
 */
@Component
class RenewalOrders {

    private static final Logger log = LoggerFactory.getLogger(RenewalOrders.class);

    private final RenewalOrderStore orders;
    private final RenewalCharger charger;
    private final RenewalEventStore activity;
    private final ApplicationEventPublisher events;
    private final ShortfallTopUps topUps;
    private final TransactionTemplate newTransaction;
    private final RenewalProperties properties;
    private final Clock clock;

    RenewalOrders(RenewalOrderStore orders, RenewalCharger charger, RenewalEventStore activity,
                  ApplicationEventPublisher events, ShortfallTopUps topUps,
                  PlatformTransactionManager transactionManager, RenewalProperties properties, Clock clock) {
        this.orders = orders;
        this.charger = charger;
        this.activity = activity;
        this.events = events;
        this.topUps = topUps;
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Inside the settlement's transaction, on its connection: most payments are plain top-ups without an order, and
     * for them this one indexed read is all. A new transaction after every credit for that question cost 15 to 20% of
     * the credit throughput (docs/performance.md, DD-027). Only a payment that an order waits for goes on, after the
     * commit.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void onPaymentSettled(PaymentSettled settled) {
        if (orders.awaitsPayment(settled.idempotencyKey())) {
            events.publishEvent(new OrderPaymentSettled(settled));
        }
    }

    /** A statement batch's settlements: one read for all of them, then as {@link #onPaymentSettled} for each. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void onPaymentsSettled(PaymentsSettled batch) {
        Set<String> awaited = orders.awaitingAmong(batch.payments().stream().map(PaymentSettled::idempotencyKey)
                .toList());
        batch.payments().stream().filter(settled -> awaited.contains(settled.idempotencyKey()))
                .forEach(settled -> events.publishEvent(new OrderPaymentSettled(settled)));
    }

    /** After the credit committed, in a transaction of its own; a renewal never rides on a credit that rolled back. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onOrderPaymentSettled(OrderPaymentSettled paid) {
        try {
            settle(paid.settled());
        } catch (RuntimeException e) {
            // The credit has committed; the job's sweep completes the order later.
            log.error("Renewal order for payment {} could not be completed now", paid.settled().paymentId().value(), e);
        }
    }

    /** A settled payment that a renewal order waits for; only published inside the settlement's transaction. */
    record OrderPaymentSettled(PaymentSettled settled) {
    }

    /** Completes or fails the order waiting for this payment; does nothing if there is none or it is done. */
    void settle(PaymentSettled settled) {
        newTransaction.executeWithoutResult(status -> {
            RenewalOrderStore.Order order = orders.lockByPaymentKey(settled.idempotencyKey()).orElse(null);
            if (order == null || order.status() != ShortfallOutcome.OrderStatus.AWAITING_PAYMENT) {
                return;
            }
            if (!order.accountId().equals(settled.accountId())) {
                log.error("Renewal order {} and payment {} belong to different accounts", order.id(),
                        settled.paymentId().value());
                return;
            }
            Instant now = clock.instant();
            if (settled.status().isCredited()) {
                complete(order, settled, now);
            } else if (settled.status() == PaymentStatus.REJECTED || settled.status() == PaymentStatus.DELETED) {
                String why = settled.reason() == null ? settled.status().label().toLowerCase() : settled.reason();
                fail(order, "The top-up for this renewal was not paid (%s). Nothing was charged.".formatted(why), now);
            }
            // Waiting for clarification: money may still be credited later; the order keeps waiting.
        });
    }

    /** The job's recovery sweep: orders whose payment settled while no listener completed them. */
    int completeSettled() {
        int done = 0;
        for (String key : orders.awaitingPaymentKeys(500)) {
            var settled = topUps.settled(key);
            if (settled.isPresent()) {
                settle(settled.get());
                done++;
            }
        }
        return done;
    }

    private void complete(RenewalOrderStore.Order order, PaymentSettled settled, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, properties.zone());
        Currency currency = currencyOf(order);
        try {
            RenewalCharger.Outcome outcome = charger.renew(order.accountId(), currency, order.lines(),
                    RenewalChargeStore.Source.ORDER, today, null);
            switch (outcome) {
                case RenewalCharger.Outcome.Renewed renewed -> {
                    String message = "The top-up was credited and the renewal is paid: %s. %s charged."
                            .formatted(renewed.plan().describe(), renewed.plan().total().format());
                    orders.finish(order.id(), ShortfallOutcome.OrderStatus.COMPLETED, message, now);
                    activity.record(order.accountId(), null, RenewalActivity.Kind.ORDER_COMPLETED, message, now);
                }
                case RenewalCharger.Outcome.Short shortNow -> fail(order, ("The top-up was credited, but the "
                        + "balance (%s) no longer covers the renewal (%s). The money stays on your balance; renew "
                        + "again from the Renewals tab.")
                        .formatted(shortNow.balance().format(), shortNow.plan().total().format()), now);
                case RenewalCharger.Outcome.NotDue notDue ->
                        throw new IllegalStateException("orders are never due-checked");
            }
        } catch (InvalidRequestException invalid) {
            fail(order, "The top-up was credited, but the renewal could not be made: " + invalid.getMessage()
                    + " The money stays on your balance.", now);
        }
    }

    private void fail(RenewalOrderStore.Order order, String message, Instant now) {
        orders.finish(order.id(), ShortfallOutcome.OrderStatus.FAILED, message, now);
        activity.record(order.accountId(), null, RenewalActivity.Kind.ORDER_FAILED, message, now);
    }

    private Currency currencyOf(RenewalOrderStore.Order order) {
        return orders.currencyOf(order.id());
    }
}
