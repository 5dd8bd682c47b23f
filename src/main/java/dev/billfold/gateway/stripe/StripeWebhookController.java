package dev.billfold.gateway.stripe;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import dev.billfold.gateway.ConditionalOnProvider;
import dev.billfold.gateway.WebhookMeters;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's webhook endpoint. Outside the sign-in and CSRF: the {@code Stripe-Signature} (HMAC-SHA256 over the
 * timestamp and the raw body, with the endpoint's secret) is the authentication, and a stale timestamp is refused so
 * that a captured request cannot be replayed later. Answers fast: no call to Stripe unless a saved card's label is
 * needed.
 */
@RestController
@ConditionalOnProvider(StripeGatewayProperties.SECRET_KEY)
class StripeWebhookController {

    static final String PATH = "/webhooks/stripe";

    private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);
    private static final String MISSING = "missing body or signature";

    private final StripeWebhookProcessor processor;
    private final StripeGatewayProperties properties;
    private final Clock clock;
    private final WebhookMeters meters;

    StripeWebhookController(StripeWebhookProcessor processor, StripeGatewayProperties properties, Clock clock,
                            WebhookMeters meters) {
        this.meters = meters;
        this.processor = processor;
        this.properties = properties.requireComplete();
        this.clock = clock;
    }

    @PostMapping(value = PATH, produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> receive(@RequestBody(required = false) @Nullable String payload,
                                   @RequestHeader(name = "Stripe-Signature", required = false)
                                           @Nullable String signature) {
        return meters.counted(StripeGateway.ID, () -> handle(payload, signature));
    }

    private ResponseEntity<String> handle(@Nullable String payload, @Nullable String signature) {
        if (payload == null) {
            return ResponseEntity.badRequest().body(MISSING);
        }
        if (signature == null) {
            return WebhookMeters.signatureFailed(MISSING);
        }
        Event event;
        try {
            event = Webhook.constructEvent(payload, signature, properties.webhookSecret(),
                    properties.webhookTolerance().toSeconds(), clock);
        } catch (SignatureVerificationException e) {
            log.warn("Stripe webhook refused: {}", e.getMessage());
            return WebhookMeters.signatureFailed("invalid signature");
        } catch (RuntimeException e) {
            log.warn("Stripe webhook refused: signed but not an event");
            return ResponseEntity.badRequest().body("not an event");
        }
        StripeWebhookProcessor.Handled handled = processor.process(event);
        return switch (handled) {
            case RETRY_LATER -> ResponseEntity.status(503).body(handled.name().toLowerCase());
            default -> ResponseEntity.ok(handled.name().toLowerCase());
        };
    }
}
