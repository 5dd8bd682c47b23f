package dev.billfold.webhook;

import dev.billfold.account.AccountCreated;
import dev.billfold.account.AccountId;
import dev.billfold.base.Money;
import dev.billfold.hosting.ServiceChanged;
import dev.billfold.ledger.BalancesMoved;
import dev.billfold.ledger.Ledger;
import dev.billfold.payment.PaymentRefunded;
import dev.billfold.payment.PaymentSettled;
import dev.billfold.payment.PaymentsSettled;
import dev.billfold.paymentmethod.PaymentMethodChanged;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the features' domain events into webhook events, synchronously, inside the transaction of the change: the
 * event row (keyed by its cause, so one change is one event however often it is published), one delivery row per
 * enabled endpoint that listens to its type, and the {@link WebhookQueued} publication commit or roll back with the
 * change itself. With no endpoint listening nothing is written. The body is compact: the envelope (id, type,
 * timestamp, account, sequence) and a few facts of the thing that changed.
 */
@Component
class WebhookOutbox {

    private final EndpointStore endpoints;
    private final DeliveryStore deliveries;
    private final EventFactsStore facts;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    WebhookOutbox(EndpointStore endpoints, DeliveryStore deliveries, EventFactsStore facts, Ledger ledger,
                  ApplicationEventPublisher events, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.facts = facts;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void accountCreated(AccountCreated created) {
        record(EventType.ACCOUNT_CREATED, created.accountId(), "account.created:" + created.accountId().value(),
                data -> data.put("name", created.name()).put("currency", created.currency()));
    }

    /**
     * Credited (conditionally or not) once per payment; rejected and held each once. DELETED is not sent, nor
     * REFUNDED: each refund is its own payment.refunded ({@link #paymentRefunded}).
     */
    @EventListener
    void paymentSettled(PaymentSettled settled) {
        EventType type = typeOf(settled);
        if (type == null) {
            return;
        }
        record(type, settled.accountId(), type.wireName() + ":" + settled.paymentId().value(), data -> {
            data.put("payment", settled.paymentId().value().toString()).put("status", settled.status().name());
            facts.payment(settled.paymentId()).ifPresent(payment -> {
                money(data, "amount", payment.amount());
                if (payment.credited() != null) {
                    money(data, "credited", payment.credited());
                }
                if (payment.paid() != null) {
                    money(data, "paid", payment.paid());
                }
                data.put("method_kind", payment.methodKind());
                if (payment.provider() != null) {
                    data.put("provider", payment.provider());
                }
            });
            if (settled.reason() != null) {
                data.put("reason", settled.reason());
            }
        });
    }

    /** Every refund the provider reports succeeded, partial ones included, once per refund (the provider's id). */
    @EventListener
    void paymentRefunded(PaymentRefunded refunded) {
        record(EventType.PAYMENT_REFUNDED, refunded.accountId(),
                "payment.refunded:" + refunded.provider() + ":" + refunded.refundId(), data -> {
                    data.put("payment", refunded.paymentId().value().toString())
                            .put("provider", refunded.provider()).put("refund", refunded.refundId());
                    money(data, "amount", refunded.amount());
                    money(data, "refunded", refunded.refunded());
                    data.put("full", refunded.full());
                });
    }

    /**
     * A statement batch's settlements, each as {@link #paymentSettled}; whether anyone listens is asked once per type
     * for the batch, so an import with no endpoint costs one look-up per batch instead of one per payment.
     */
    @EventListener
    void paymentsSettled(PaymentsSettled batch) {
        Map<EventType, Boolean> heard = new EnumMap<>(EventType.class);
        for (PaymentSettled settled : batch.payments()) {
            EventType type = typeOf(settled);
            if (type != null && heard.computeIfAbsent(type, t -> !endpoints.listening(t).isEmpty())) {
                paymentSettled(settled);
            }
        }
    }

    private static @Nullable EventType typeOf(PaymentSettled settled) {
        return switch (settled.status()) {
            case CREDITED, CONDITIONALLY_CREDITED -> EventType.PAYMENT_CREDITED;
            case REJECTED -> EventType.PAYMENT_REJECTED;
            case WAITING_FOR_CLARIFICATION -> EventType.PAYMENT_HELD;
            default -> null;
        };
    }

    @EventListener
    void serviceChanged(ServiceChanged changed) {
        EventType type = switch (changed.change()) {
            case CREATED -> EventType.SERVICE_CREATED;
            case RENEWED -> EventType.SERVICE_RENEWED;
            case RENEWAL_FAILED -> EventType.SERVICE_RENEWAL_FAILED;
            case SUSPENDED -> EventType.SERVICE_SUSPENDED;
            case RESUMED -> EventType.SERVICE_RESUMED;
        };
        record(type, changed.accountId(), "service." + changed.cause(), data -> {
            data.put("service", changed.serviceId().value().toString());
            facts.service(changed.serviceId()).ifPresent(service -> {
                data.put("name", service.name()).put("kind", service.kind());
                money(data, "price", service.price());
                data.put("period", service.period());
            });
            data.put("paid_until", changed.paidUntil() == null ? null : changed.paidUntil().toString());
            if (changed.message() != null) {
                data.put("message", changed.message());
            }
        });
    }

    @EventListener
    void methodChanged(PaymentMethodChanged changed) {
        EventType type = switch (changed.status()) {
            case CONFIRMED -> EventType.METHOD_CONFIRMED;
            case FAILED -> EventType.METHOD_FAILED;
            case REMOVED -> EventType.METHOD_REMOVED;
            default -> null;
        };
        if (type == null) {
            return;
        }
        // Made default, or confirmed once more by a late notification: still one method.confirmed per method.
        facts.method(changed.methodId()).ifPresent(method ->
                record(type, method.accountId(), type.wireName() + ":" + changed.methodId().value(), data -> {
                    data.put("method", changed.methodId().value().toString())
                            .put("payer", changed.payerId().value().toString())
                            .put("provider", method.provider()).put("label", method.label())
                            .put("status", changed.status().name());
                    if (type == EventType.METHOD_FAILED && method.failureReason() != null) {
                        data.put("reason", method.failureReason());
                    }
                }));
    }

    /**
     * balance.low when a posting takes an account's balance from at or above its threshold to below it; once per
     * posting that crosses, so a balance that recovers and drops again is told again.
     */
    @EventListener
    void balancesMoved(BalancesMoved moved) {
        List<AccountId> falling = moved.moves().stream().filter(move -> move.amount().isNegative())
                .map(BalancesMoved.Move::accountId).toList();
        if (falling.isEmpty()) {
            return;
        }
        Map<AccountId, Money> thresholds = facts.thresholds(falling);
        for (BalancesMoved.Move move : moved.moves()) {
            Money threshold = thresholds.get(move.accountId());
            if (threshold == null || !move.amount().isNegative()
                    || !threshold.currency().equals(move.amount().currency())) {
                continue;
            }
            Money after = ledger.lockBalance(move.accountId());
            Money before = after.minus(move.amount());
            if (!before.isLessThan(threshold) && after.isLessThan(threshold)) {
                record(EventType.BALANCE_LOW, move.accountId(),
                        "balance.low:" + move.accountId().value() + ":" + move.kind() + ":" + move.reference(),
                        data -> {
                            money(data, "balance", after);
                            money(data, "threshold", threshold);
                            data.put("cause", move.kind().name());
                        });
            }
        }
    }

    /**
     * Records the event for every endpoint listening to its type. Also the way in for a test that leaves the state a
     * crash right after the commit leaves (called without a transaction, the after-commit delivery never runs).
     *
     * @return the event's id, or null when nothing was recorded (nobody listens, or the cause was recorded before)
     */
    @Nullable UUID record(EventType type, AccountId accountId, String cause, Consumer<ObjectNode> data) {
        List<EndpointStore.Endpoint> targets = endpoints.listening(type);
        if (targets.isEmpty() || deliveries.eventExists(cause)) {
            return null;
        }
        Instant now = clock.instant();
        long sequence = deliveries.nextSequence(accountId);
        UUID id = UUID.randomUUID();
        ObjectNode body = json.createObjectNode();
        body.put("id", id.toString()).put("type", type.wireName())
                .put("timestamp", now.atOffset(ZoneOffset.UTC).toString())
                .put("account", accountId.value().toString());
        facts.account(accountId).ifPresent(account -> body.put("account_number", account.number()));
        body.put("sequence", sequence);
        data.accept(body.putObject("data"));
        if (!deliveries.insertEvent(id, cut(cause), type, accountId, sequence, json.writeValueAsString(body), now)) {
            return null;
        }
        for (EndpointStore.Endpoint endpoint : targets) {
            deliveries.insertDelivery(id, endpoint.id(), now);
        }
        events.publishEvent(new WebhookQueued(id));
        return id;
    }

    private static void money(ObjectNode data, String name, Money money) {
        data.putObject(name).put("value", money.value().toPlainString()).put("currency", money.currencyCode());
    }

    private static String cut(String cause) {
        return cause.length() <= 200 ? cause : cause.substring(0, 200);
    }
}
