package dev.billfold.gateway.paypal;

import com.paypal.sdk.models.Order;
import dev.billfold.gateway.ConditionalOnProvider;
import dev.billfold.gateway.GatewayResult;
import dev.billfold.gateway.PaymentNotifications;
import dev.billfold.gateway.RefundNotifications;
import dev.billfold.gateway.WebhookMeters;
import dev.billfold.polling.HeldClaims;
import dev.billfold.ratelimit.RateDecision;
import dev.billfold.ratelimit.RateKey;
import dev.billfold.ratelimit.RateLimiter;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PayPal's webhooks. An event is only a reason to look: after PayPal has vouched for its signature we ask PayPal for
 * the order it names and settle from that answer, exactly as the return redirect does, so an event can never credit
 * more, or something else, than PayPal's order says. The free checks come first (headers, transmission time,
 * algorithm, certificate host), then at most a bounded number of signature checks at PayPal at once (DD-053).
 * Status codes tell PayPal what to do: 2xx done (or not ours), 400 forged, 503 try again later (PayPal redelivers for
 * three days).
 */
@RestController
@ConditionalOnProvider(PayPalProperties.CLIENT_ID)
class PayPalWebhookController {

    static final String PATH = "/webhooks/paypal";
    /** Money going back (DD-070): their resource is a refund, read from PayPal before anything changes. */
    static final String REFUNDED = "PAYMENT.CAPTURE.REFUNDED";
    static final String REVERSED = "PAYMENT.CAPTURE.REVERSED";
    static final Set<String> HANDLED = Set.of("CHECKOUT.ORDER.APPROVED", "PAYMENT.CAPTURE.COMPLETED",
            "PAYMENT.CAPTURE.DENIED", "VAULT.PAYMENT-TOKEN.CREATED", REFUNDED, REVERSED);
    /** What a webhook turned away by the in-flight bound is told: soon, the bound frees up within a call's time. */
    static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(10);
    static final String BUSY = "Too many webhooks at once, retry later";
    static final String NOT_OURS = "NOT_OURS";
    /**
     * The cluster-wide allowance of signature checks at PayPal (DD-056), beside this node's in-flight bound: one key
     * for all of PayPal's deliveries, since a forger cannot be told from PayPal before the check.
     */
    static final RateKey VERIFICATIONS = new RateKey("webhook-verification", "paypal");
    static final String OVER_LIMIT = "Too many webhooks to verify, retry later";
    private static final String CHECKING = "PayPal reported news about this payment; we are checking it.";
    private static final Logger log = LoggerFactory.getLogger(PayPalWebhookController.class);

    private final PayPalWebhookChecks checks;
    private final InFlightBound verifications;
    private final RateLimiter rateLimiter;
    private final PayPalWebhookVerifier verifier;
    private final PayPalGateway gateway;
    private final PayPalEventLog events;
    private final PaymentNotifications notifications;
    private final RefundNotifications refunds;
    private final PayPalReversals reversals;
    private final Clock clock;
    private final WebhookMeters meters;
    private final HeldClaims held;
    private final JsonMapper json = JsonMapper.builder().build();

    PayPalWebhookController(PayPalWebhookChecks checks, InFlightBound verifications, RateLimiter rateLimiter,
                            PayPalWebhookVerifier verifier, PayPalGateway gateway, PayPalEventLog events,
                            PaymentNotifications notifications, RefundNotifications refunds,
                            PayPalReversals reversals, Clock clock, WebhookMeters meters, HeldClaims held) {
        this.meters = meters;
        this.held = held;
        this.refunds = refunds;
        this.reversals = reversals;
        this.checks = checks;
        this.verifications = verifications;
        this.rateLimiter = rateLimiter;
        this.verifier = verifier;
        this.gateway = gateway;
        this.events = events;
        this.notifications = notifications;
        this.clock = clock;
    }

    @PostMapping(PATH)
    ResponseEntity<String> receive(@RequestHeader HttpHeaders headers, @RequestBody String body) {
        return meters.counted(PayPalGateway.ID, () -> handle(headers, body));
    }

    private ResponseEntity<String> handle(HttpHeaders headers, String body) {
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (JacksonException malformed) {
            return ResponseEntity.badRequest().body("Malformed event");
        }
        String eventId = event.path("id").asString("");
        String type = event.path("event_type").asString("");
        if (eventId.isBlank() || type.isBlank()) {
            return ResponseEntity.badRequest().body("Malformed event");
        }
        Map<String, String> transmission = transmissionHeaders(headers);
        String refusal = checks.refusal(transmission);
        if (refusal != null) {
            log.warn("PayPal webhook {} ({}) refused without asking PayPal: {}", eventId, type, refusal);
            return WebhookMeters.signatureFailed(refusal);
        }
        if (!HANDLED.contains(type)) {
            // Nothing to act on, so nothing worth a call to PayPal.
            return ResponseEntity.ok("Ignored");
        }
        ResponseEntity<String> unverified = verify(eventId, type, transmission, body);
        if (unverified != null) {
            return unverified;
        }
        boolean moneyBack = type.equals(REFUNDED) || type.equals(REVERSED);
        String resourceId = moneyBack ? refundId(event.path("resource")) : orderId(type, event.path("resource"));
        return switch (events.claim(eventId, type, resourceId)) {
            case PayPalEventLog.Claim.Done done -> ResponseEntity.ok("Already processed");
            case PayPalEventLog.Claim.Held held -> retryLater(Duration.between(clock.instant(), held.until()),
                    "Being processed, retry later");
            case PayPalEventLog.Claim.Taken taken -> holding(eventId, taken.until(), () -> moneyBack
                    ? workOnRefund(eventId, type, resourceId, taken.until())
                    : work(eventId, type, resourceId, taken.until()));
        };
    }

    /**
     * The work on a taken event, its claim known to shutdown: a delivery still at work when the node's shutdown limit
     * runs out gives the event back at once, for PayPal's redelivery to any node (DD-087).
     */
    private ResponseEntity<String> holding(String eventId, Instant until, Supplier<ResponseEntity<String>> work) {
        try (HeldClaims.Held claim = held.hold("PayPal event " + eventId, () -> events.release(eventId, until))) {
            return work.get();
        }
    }

    /** Null when PayPal vouches for the delivery; otherwise the answer for it. */
    private @Nullable ResponseEntity<String> verify(String eventId, String type, Map<String, String> transmission,
                                                    String body) {
        if (!verifications.tryEnter()) {
            log.warn("PayPal webhook {} ({}): {} signature checks already in flight; told to retry later", eventId,
                    type, verifications.limit());
            return retryLater(BUSY_RETRY_AFTER, BUSY);
        }
        try {
            RateDecision allowance = rateLimiter.tryAcquire(VERIFICATIONS);
            if (!allowance.allowed()) {
                log.warn("PayPal webhook {} ({}): the cluster's signature checks are used up; told to retry {}",
                        eventId, type, RateDecision.inWords(allowance.retryAfter()));
                return retryLater(allowance.retryAfter(), OVER_LIMIT);
            }
            if (!verifier.verify(transmission, body)) {
                log.warn("PayPal webhook {} ({}) failed signature verification; ignored", eventId, type);
                return WebhookMeters.signatureFailed("Signature verification failed");
            }
            return null;
        } catch (IOException | RuntimeException unavailable) {
            log.warn("Could not verify PayPal webhook {}: {}", eventId, unavailable.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body("Verification unavailable, retry later");
        } finally {
            verifications.leave();
        }
    }

    private ResponseEntity<String> work(String eventId, String type, @Nullable String orderId, Instant until) {
        try {
            String outcome = process(eventId, orderId);
            if (outcome == null) {
                release(eventId, until);
                return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body("PayPal did not answer, retry later");
            }
            return ResponseEntity.ok(outcome);
        } catch (RuntimeException failed) {
            log.error("PayPal webhook {} ({}) failed", eventId, type, failed);
            release(eventId, until);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body("Not processed, retry later");
        }
    }

    /**
     * A refund or a reversal: the refund is read from PayPal with its capture, and applied as a refund (REFUNDED) or as
     * a dispute already lost (REVERSED), in the transaction that marks the event done. Unknown at PayPal: 503.
     */
    private ResponseEntity<String> workOnRefund(String eventId, String type, @Nullable String refundId,
                                                Instant until) {
        try {
            if (refundId == null) {
                return ResponseEntity.ok(events.complete(eventId, () -> "NO_REFUND"));
            }
            String outcome = switch (reversals.readRefund(refundId)) {
                case PayPalReversals.RefundRead.Unknown unknown -> null;
                case PayPalReversals.RefundRead.NotOurs notOurs -> {
                    log.info("PayPal webhook {}: {}", eventId, notOurs.why());
                    yield events.complete(eventId, () -> NOT_OURS);
                }
                case PayPalReversals.RefundRead.Found found -> events.complete(eventId, () -> (type.equals(REVERSED)
                        ? refunds.dispute(PayPalGateway.ID, PayPalReversals.reversal(found.refund()))
                        : refunds.refund(PayPalGateway.ID, found.refund())).name());
            };
            if (outcome == null) {
                release(eventId, until);
                return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body("PayPal did not answer, retry later");
            }
            return ResponseEntity.ok(outcome);
        } catch (RuntimeException failed) {
            log.error("PayPal webhook {} ({}) failed", eventId, type, failed);
            release(eventId, until);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body("Not processed, retry later");
        }
    }

    private static @Nullable String refundId(JsonNode resource) {
        String id = resource.path("id").asString("");
        return id.isBlank() ? null : id;
    }

    /** Frees the event for the next delivery; if even that fails, the claim runs out with its lease instead. */
    private void release(String eventId, Instant until) {
        try {
            events.release(eventId, until);
        } catch (RuntimeException failed) {
            log.warn("PayPal webhook {}: could not release its claim ({}); a redelivery takes it on after {}", eventId,
                    failed.toString(), until);
        }
    }

    /**
     * The outcome, recorded with the event, or null when PayPal's answer was unknown and the event should come again.
     * The order is read first: only a payment whose key the order carries (its custom id) is touched, and it is looked
     * up before anything is captured, so an approved order that is not one of our waiting payments is never captured.
     */
    private @Nullable String process(String eventId, @Nullable String orderId) {
        if (orderId == null) {
            return events.complete(eventId, () -> "NO_ORDER");
        }
        Order order;
        switch (gateway.readOrder(orderId)) {
            case PayPalGateway.OrderRead.Found found -> order = found.order();
            case PayPalGateway.OrderRead.Failed failed -> {
                if (failed.result().status() == GatewayResult.Status.UNKNOWN) {
                    return null;
                }
                // PayPal no longer knows the order: the payment that holds it gets the return's answer, expired.
                return events.complete(eventId, () -> notifications
                        .byProviderReference(PayPalGateway.ID, orderId, failed.result()).name());
            }
        }
        String key = PayPalGateway.customId(order).orElse(null);
        if (key == null) {
            log.info("PayPal webhook {}: order {} carries no custom id, so it is not ours", eventId, orderId);
            return events.complete(eventId, () -> NOT_OURS);
        }
        PaymentNotifications.Outcome ours = notify(orderId, key, GatewayResult.pending(orderId, CHECKING).forKey(key));
        if (ours != PaymentNotifications.Outcome.APPLIED) {
            return events.complete(eventId, ours::name);
        }
        GatewayResult result = gateway.settle(order);
        if (result.status() == GatewayResult.Status.UNKNOWN) {
            return null;
        }
        return events.complete(eventId, () -> notify(orderId, key, result).name());
    }

    private PaymentNotifications.Outcome notify(String orderId, String key, GatewayResult result) {
        PaymentNotifications.Outcome outcome = notifications.byProviderReference(PayPalGateway.ID, orderId, result);
        if (outcome == PaymentNotifications.Outcome.UNKNOWN_PAYMENT) {
            // A charge whose answer we never got has no reference yet; our key on the order still finds it.
            outcome = notifications.byIdempotencyKey(PayPalGateway.ID, key, result);
        }
        return outcome;
    }

    private static ResponseEntity<String> retryLater(Duration after, String body) {
        long seconds = Math.max(1, after.plusMillis(999).toSeconds());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(body);
    }

    private static @Nullable String orderId(String type, JsonNode resource) {
        String id = switch (type) {
            case "CHECKOUT.ORDER.APPROVED" -> resource.path("id").asString("");
            case "PAYMENT.CAPTURE.COMPLETED", "PAYMENT.CAPTURE.DENIED" ->
                    resource.path("supplementary_data").path("related_ids").path("order_id").asString("");
            case "VAULT.PAYMENT-TOKEN.CREATED" -> resource.path("metadata").path("order_id").asString("");
            default -> "";
        };
        return id.isBlank() ? null : id;
    }

    private static Map<String, String> transmissionHeaders(HttpHeaders headers) {
        Map<String, String> found = new TreeMap<>();
        for (String name : headers.headerNames()) {
            String value = headers.getFirst(name);
            if (value != null) {
                found.put(name.toUpperCase(Locale.ROOT), value);
            }
        }
        return found;
    }
}
