package dev.billfold.gateway.stripe;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.SetupIntent;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import dev.billfold.gateway.ConditionalOnProvider;
import dev.billfold.gateway.GatewayResult;
import dev.billfold.gateway.MethodNotifications;
import dev.billfold.gateway.PaymentNotifications;
import dev.billfold.gateway.ProviderDispute;
import dev.billfold.gateway.ProviderRefund;
import dev.billfold.gateway.RefundNotifications;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a verified Stripe event into news for payments or methods and applies it in one transaction with the record
 * of the event id, so a redelivered event changes nothing and a failure leaves no trace for Stripe's retry.
 */
@Component
@ConditionalOnProvider(StripeGatewayProperties.SECRET_KEY)
class StripeWebhookProcessor {

    static final Set<String> HANDLED = Set.of("checkout.session.completed", "checkout.session.expired",
            "payment_intent.succeeded", "payment_intent.payment_failed", "setup_intent.succeeded",
            "setup_intent.setup_failed",
            // Money going back (DD-070): refunds made in Stripe's dashboard or by us, and disputes.
            "charge.refunded", "refund.created", "refund.updated", "refund.failed", "charge.refund.updated",
            "charge.dispute.created", "charge.dispute.updated", "charge.dispute.closed",
            "charge.dispute.funds_withdrawn", "charge.dispute.funds_reinstated");

    private static final Logger log = LoggerFactory.getLogger(StripeWebhookProcessor.class);

    private final StripeGateway gateway;
    private final PaymentNotifications payments;
    private final MethodNotifications methods;
    private final RefundNotifications refunds;
    private final StripeReversals reversals;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    StripeWebhookProcessor(StripeGateway gateway, PaymentNotifications payments, MethodNotifications methods,
                           RefundNotifications refunds, StripeReversals reversals, JdbcClient jdbc,
                           PlatformTransactionManager transactionManager, Clock clock) {
        this.refunds = refunds;
        this.reversals = reversals;
        this.gateway = gateway;
        this.payments = payments;
        this.methods = methods;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    enum Handled {
        /** Applied (or recorded: the news concerned nothing of ours, or changed nothing). */
        PROCESSED,
        /** This event id was processed before; nothing changed. */
        DUPLICATE,
        /** An event type we do not subscribe to; acknowledged so that Stripe stops sending it. */
        IGNORED,
        /** We could not complete the news (Stripe unreachable for a card's label); Stripe will redeliver. */
        RETRY_LATER
    }

    Handled process(Event event) {
        if (!HANDLED.contains(event.getType())) {
            log.debug("Stripe event {} of type {} ignored", event.getId(), event.getType());
            return Handled.IGNORED;
        }
        if (alreadyProcessed(event.getId())) {
            return Handled.DUPLICATE;
        }
        News news;
        try {
            news = newsOf(event.getType(), object(event));
        } catch (EventDataObjectDeserializationException e) {
            log.error("Stripe event {} of type {} could not be read", event.getId(), event.getType(), e);
            return Handled.RETRY_LATER;
        } catch (StripeException e) {
            log.warn("Stripe event {}: could not complete it from Stripe ({}); asking for a redelivery", event.getId(),
                    StripeResults.describe(e));
            return Handled.RETRY_LATER;
        }
        if (news instanceof News.Retry) {
            return Handled.RETRY_LATER;
        }
        Boolean fresh = transaction.execute(status -> {
            int recorded = jdbc.sql("""
                            insert into stripe_event (event_id, type, received_at) values (?, ?, ?)
                            on conflict do nothing""")
                    .params(event.getId(), event.getType(),
                            OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                    .update();
            if (recorded == 0) {
                return false;
            }
            apply(event, news);
            return true;
        });
        return Boolean.TRUE.equals(fresh) ? Handled.PROCESSED : Handled.DUPLICATE;
    }

    private boolean alreadyProcessed(String eventId) {
        return jdbc.sql("select count(*) from stripe_event where event_id = ?").param(eventId).query(Integer.class)
                .single() > 0;
    }

    private static StripeObject object(Event event) throws EventDataObjectDeserializationException {
        var data = event.getDataObjectDeserializer();
        // An event from another API version than the SDK's still carries the fields we read.
        return data.getObject().isPresent() ? data.getObject().get() : data.deserializeUnsafe();
    }

    private void apply(Event event, News news) {
        switch (news) {
            case News.ForPayment p -> {
                PaymentNotifications.Outcome outcome = p.key() != null
                        ? payments.byIdempotencyKey(StripeGateway.ID, p.key(), p.result())
                        : payments.byProviderReference(StripeGateway.ID, p.reference(), p.result());
                log.info("Stripe event {} ({}): payment {}", event.getId(), event.getType(), outcome);
            }
            case News.ForMethod m -> {
                MethodNotifications.Outcome outcome = methods.setupResult(StripeGateway.ID, m.key(), m.result());
                log.info("Stripe event {} ({}): method {}", event.getId(), event.getType(), outcome);
            }
            case News.ForRefunds r -> r.refunds().forEach(refund -> log.info("Stripe event {} ({}): refund {} {}",
                    event.getId(), event.getType(), refund.refundId(), refunds.refund(StripeGateway.ID, refund)));
            case News.ForDispute d -> log.info("Stripe event {} ({}): dispute {} {}", event.getId(), event.getType(),
                    d.dispute().disputeId(), refunds.dispute(StripeGateway.ID, d.dispute()));
            case News.NotOurs n -> log.info("Stripe event {} ({}) recorded without change: {}", event.getId(),
                    event.getType(), n.why());
            case News.Retry r -> throw new IllegalStateException("retry is handled before the transaction");
        }
    }

    private News newsOf(String type, StripeObject object) throws StripeException {
        return switch (object) {
            case Session session -> sessionNews(type, session);
            case PaymentIntent intent -> paymentIntentNews(type, intent);
            case SetupIntent intent -> setupIntentNews(type, intent);
            case Charge charge -> chargeRefundedNews(charge);
            case Refund refund -> refundNews(refund);
            case Dispute dispute -> disputeNews(dispute);
            default -> new News.NotOurs("unexpected object " + object.getClass().getSimpleName());
        };
    }

    private News sessionNews(String type, Session session) throws StripeException {
        String key = metadata(session.getMetadata(), StripeGateway.METADATA_KEY);
        if ("setup".equals(session.getMode())) {
            if (key == null) {
                return new News.NotOurs("setup session without our key");
            }
            if (type.equals("checkout.session.expired")) {
                return new News.ForMethod(key, new GatewayResult(GatewayResult.Status.CANCELLED, session.getId(), null,
                        StripeResults.SETUP_EXPIRED, null));
            }
            // Completion is applied from setup_intent.succeeded, which names the saved card.
            return new News.NotOurs("setup session completed; the setup intent's event applies it");
        }
        GatewayResult result;
        boolean needsSavedCard = type.equals("checkout.session.completed") && "paid".equals(session.getPaymentStatus())
                && "true".equals(metadata(session.getMetadata(), StripeGateway.METADATA_SAVE));
        result = StripeResults.resultOfPaymentSession(session);
        if (needsSavedCard) {
            // The event names the payment intent only by id; the card's label needs the expanded session.
            GatewayResult expanded = gateway.checkoutResult(session.getId());
            if (expanded.status() == GatewayResult.Status.UNKNOWN) {
                return new News.Retry();
            }
            if (expanded.status() == GatewayResult.Status.SUCCEEDED) {
                result = expanded;
            } else {
                log.warn("Stripe session {} is paid in its event but {} when asked; applying the event",
                        session.getId(), expanded.status());
            }
        }
        return new News.ForPayment(key, session.getId(), result);
    }

    private News paymentIntentNews(String type, PaymentIntent intent) throws StripeException {
        String key = metadata(intent.getMetadata(), StripeGateway.METADATA_KEY);
        if (key == null) {
            return new News.NotOurs("payment intent without our key");
        }
        boolean fromCheckout = StripeGateway.FLOW_CHECKOUT
                .equals(metadata(intent.getMetadata(), StripeGateway.METADATA_FLOW));
        GatewayResult result;
        if (type.equals("payment_intent.succeeded")) {
            GatewayResult.StoredMethod saved = null;
            if (fromCheckout && intent.getSetupFutureUsage() != null && intent.getPaymentMethod() != null) {
                saved = gateway.savedMethod(intent.getPaymentMethod());
            }
            result = new GatewayResult(GatewayResult.Status.SUCCEEDED, fromCheckout ? null : intent.getId(),
                    StripeResults.reportedAmount(intent.getAmountReceived(), intent.getCurrency()), null, saved);
        } else if (fromCheckout) {
            // A failed attempt on an open checkout page is not the end: the customer may try another card.
            result = StripeResults.checkoutStillOpen(null, intent);
        } else {
            result = StripeResults.resultOfCharge(intent);
        }
        return new News.ForPayment(key, intent.getId(), result);
    }

    /**
     * A charge refunded, fully or partly: its refunds as Stripe lists them now (the event's charge no longer embeds
     * them), each applied by its own id, so the refund's own events later change nothing twice.
     */
    private News chargeRefundedNews(Charge charge) throws StripeException {
        String intentId = charge.getPaymentIntent();
        if (intentId == null) {
            return new News.NotOurs("charge without a payment intent");
        }
        String key = keyOf(charge.getMetadata(), intentId);
        List<Refund> listed = charge.getRefunds() != null && charge.getRefunds().getData() != null
                && !charge.getRefunds().getData().isEmpty()
                ? charge.getRefunds().getData() : reversals.refundsOfIntent(intentId);
        List<ProviderRefund> news = listed.stream().map(r -> StripeReversals.refund(r, key, intentId))
                .filter(Objects::nonNull).toList();
        return news.isEmpty() ? new News.NotOurs("charge refunded without a refund we can read")
                : new News.ForRefunds(news);
    }

    private News refundNews(Refund refund) throws StripeException {
        if (refund.getPaymentIntent() == null) {
            return new News.NotOurs("refund without a payment intent");
        }
        ProviderRefund news = StripeReversals.refund(refund, keyOf(null, refund.getPaymentIntent()),
                refund.getPaymentIntent());
        return news == null ? new News.NotOurs("refund without an amount") : new News.ForRefunds(List.of(news));
    }

    private News disputeNews(Dispute dispute) throws StripeException {
        if (dispute.getPaymentIntent() == null) {
            return new News.NotOurs("dispute without a payment intent");
        }
        ProviderDispute news = StripeReversals.dispute(dispute, keyOf(null, dispute.getPaymentIntent()),
                dispute.getPaymentIntent());
        return news == null ? new News.NotOurs("dispute without an amount") : new News.ForDispute(news);
    }

    /**
     * Our payment key: in the object's metadata if it has it, else the PaymentIntent's (a checkout's payment is stored
     * by its session, so only the key finds it). Asking Stripe may fail; the event is then redelivered.
     */
    private @Nullable String keyOf(@Nullable Map<String, String> metadata, String intentId) throws StripeException {
        String key = metadata(metadata, StripeGateway.METADATA_KEY);
        return key != null ? key : reversals.keyOfIntent(intentId);
    }

    private News setupIntentNews(String type, SetupIntent intent) throws StripeException {
        String key = metadata(intent.getMetadata(), StripeGateway.METADATA_KEY);
        if (key == null) {
            return new News.NotOurs("setup intent without our key");
        }
        if (type.equals("setup_intent.succeeded")) {
            if (intent.getPaymentMethod() == null) {
                return new News.NotOurs("setup intent succeeded without a payment method");
            }
            return new News.ForMethod(key, new GatewayResult(GatewayResult.Status.SUCCEEDED, intent.getId(), null, null,
                    gateway.savedMethod(intent.getPaymentMethod())));
        }
        if ("canceled".equals(intent.getStatus())) {
            return new News.ForMethod(key, GatewayResult.declined(intent.getId(), "The card could not be saved."));
        }
        // Still on Stripe's page: the customer may try another card, so the method stays pending.
        return new News.ForMethod(key, StripeResults.setupStillOpen(intent.getId(), intent));
    }

    private static @Nullable String metadata(@Nullable Map<String, String> metadata, String name) {
        String value = metadata == null ? null : metadata.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    sealed interface News {
        record ForPayment(@Nullable String key, String reference, GatewayResult result) implements News {
        }

        record ForMethod(String key, GatewayResult result) implements News {
        }

        record ForRefunds(List<ProviderRefund> refunds) implements News {
        }

        record ForDispute(ProviderDispute dispute) implements News {
        }

        record NotOurs(String why) implements News {
        }

        record Retry() implements News {
        }
    }
}
