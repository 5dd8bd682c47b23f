package dev.billfold.gateway.paypal;

import dev.billfold.gateway.ConditionalOnProvider;
import dev.billfold.gateway.GatewayResult;
import dev.billfold.gateway.PaymentNotifications;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 * more, or something else, than PayPal's order says. Status codes tell PayPal what to do: 2xx done (or not ours),
 * 400 forged, 503 try again later (PayPal redelivers for three days).
 */
@RestController
@ConditionalOnProvider(PayPalProperties.CLIENT_ID)
class PayPalWebhookController {

    static final String PATH = "/webhooks/paypal";
    static final Set<String> HANDLED = Set.of("CHECKOUT.ORDER.APPROVED", "PAYMENT.CAPTURE.COMPLETED",
            "PAYMENT.CAPTURE.DENIED", "VAULT.PAYMENT-TOKEN.CREATED");
    private static final Logger log = LoggerFactory.getLogger(PayPalWebhookController.class);

    private final PayPalWebhookVerifier verifier;
    private final PayPalGateway gateway;
    private final PayPalEventLog events;
    private final PaymentNotifications notifications;
    private final JsonMapper json = JsonMapper.builder().build();

    PayPalWebhookController(PayPalWebhookVerifier verifier, PayPalGateway gateway, PayPalEventLog events,
                            PaymentNotifications notifications) {
        this.verifier = verifier;
        this.gateway = gateway;
        this.events = events;
        this.notifications = notifications;
    }

    @PostMapping(PATH)
    ResponseEntity<String> receive(@RequestHeader HttpHeaders headers, @RequestBody String body) {
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
        try {
            if (!verifier.verify(transmissionHeaders(headers), body)) {
                log.warn("PayPal webhook {} ({}) failed signature verification; ignored", eventId, type);
                return ResponseEntity.badRequest().body("Signature verification failed");
            }
        } catch (IOException | RuntimeException unavailable) {
            log.warn("Could not verify PayPal webhook {}: {}", eventId, unavailable.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body("Verification unavailable, retry later");
        }
        if (!HANDLED.contains(type)) {
            return ResponseEntity.ok("Ignored");
        }
        JsonNode resource = event.path("resource");
        String orderId = orderId(type, resource);
        if (!events.claim(eventId, type, orderId)) {
            return ResponseEntity.ok("Already processed");
        }
        try {
            String outcome = process(orderId, customId(type, resource));
            if (outcome == null) {
                events.release(eventId);
                return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body("PayPal did not answer, retry later");
            }
            events.finish(eventId, outcome);
            return ResponseEntity.ok(outcome);
        } catch (RuntimeException failed) {
            events.release(eventId);
            log.error("PayPal webhook {} ({}) failed", eventId, type, failed);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body("Not processed, retry later");
        }
    }

    /**
     * The outcome to record, or null when PayPal's answer was unknown and the event should come again. The payment is
     * looked up before PayPal is asked, so an approved order that is not one of our waiting payments is never captured.
     */
    private @Nullable String process(@Nullable String orderId, @Nullable String customId) {
        if (orderId == null) {
            return "NO_ORDER";
        }
        PaymentNotifications.Outcome ours = notify(orderId, customId,
                GatewayResult.pending(orderId, "PayPal reported news about this payment; we are checking it."));
        if (ours != PaymentNotifications.Outcome.APPLIED) {
            return ours.name();
        }
        GatewayResult result = gateway.checkoutResult(orderId);
        if (result.status() == GatewayResult.Status.UNKNOWN) {
            return null;
        }
        return notify(orderId, customId, result).name();
    }

    private PaymentNotifications.Outcome notify(String orderId, @Nullable String customId, GatewayResult result) {
        PaymentNotifications.Outcome outcome = notifications.byProviderReference(PayPalGateway.ID, orderId, result);
        if (outcome == PaymentNotifications.Outcome.UNKNOWN_PAYMENT && customId != null) {
            // A charge whose answer we never got has no reference yet; our key on the order still finds it.
            outcome = notifications.byIdempotencyKey(PayPalGateway.ID, customId, result);
        }
        return outcome;
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

    private static @Nullable String customId(String type, JsonNode resource) {
        String id = type.equals("CHECKOUT.ORDER.APPROVED")
                ? resource.path("purchase_units").path(0).path("custom_id").asString("")
                : resource.path("custom_id").asString("");
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
