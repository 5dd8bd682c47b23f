package dev.billfold.gateway.mpesa;

import dev.billfold.base.IpRanges;
import dev.billfold.gateway.ConditionalOnProvider;
import dev.billfold.gateway.GatewayRegistry;
import dev.billfold.gateway.GatewayResult;
import dev.billfold.gateway.PaymentNotifications;
import dev.billfold.gateway.WebhookMeters;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * M-Pesa's STK callback. It carries no signature, so it is only news (DD-089): its URL names the push by a token of
 * 256 random bits that only Safaricom was given (an unknown one is 404 and changes nothing), it may be limited to
 * configured address ranges, its body is capped, and the STK query is asked before anything is credited. What the body
 * says is used only to name a push whose own answer was lost, and for the receipt number of a confirmed success.
 */
@RestController
@ConditionalOnProvider(MpesaProperties.CONSUMER_KEY)
class MpesaCallbackController {

    static final String ACCEPTED = "{\"ResultCode\":0,\"ResultDesc\":\"Accepted\"}";
    static final String TOO_LARGE = "Request body too large for an M-Pesa callback.";

    private static final Logger log = LoggerFactory.getLogger(MpesaCallbackController.class);

    private final GatewayRegistry gateways;
    private final MpesaPushStore pushes;
    private final PaymentNotifications notifications;
    private final WebhookMeters meters;
    private final MpesaProperties properties;
    private final IpRanges sources;
    private final JsonMapper json = JsonMapper.builder().build();

    MpesaCallbackController(GatewayRegistry gateways, MpesaPushStore pushes, PaymentNotifications notifications,
                            WebhookMeters meters, MpesaProperties properties) {
        this.gateways = gateways;
        this.pushes = pushes;
        this.notifications = notifications;
        this.meters = meters;
        this.properties = properties;
        this.sources = IpRanges.parse(String.join(" ", properties.callbackAllowedIps()));
    }

    @PostMapping(MpesaGateway.CALLBACK_PATH + "{token}")
    ResponseEntity<String> receive(@PathVariable String token, @RequestBody(required = false) byte @Nullable [] body,
                                   HttpServletRequest request) {
        return meters.counted(MpesaGateway.ID, () -> handle(token, body == null ? new byte[0] : body,
                request.getRemoteAddr()));
    }

    private ResponseEntity<String> handle(String token, byte[] body, String remoteAddress) {
        if (!sources.allows(remoteAddress)) {
            log.warn("M-Pesa callback from {} refused: outside the allowed ranges", remoteAddress);
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body("Forbidden");
        }
        if (body.length > properties.callbackMaxBytes()) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(TOO_LARGE);
        }
        MpesaPushStore.Push push = pushes.byTokenHash(MpesaGateway.hash(token)).orElse(null);
        if (push == null) {
            log.warn("M-Pesa callback with an unknown token refused");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body("Not found");
        }
        JsonNode callback = parse(body).path("Body").path("stkCallback");
        String checkoutRequestId = push.checkoutRequestId();
        if (checkoutRequestId == null) {
            checkoutRequestId = adopt(push, callback);
            if (checkoutRequestId == null) {
                return accepted();
            }
        }
        // Through the registry, so that the query is measured like every provider call (DD-084).
        GatewayResult result = gateways.find(MpesaGateway.ID).orElseThrow().checkoutResult(checkoutRequestId);
        if (result.status() == GatewayResult.Status.SUCCEEDED) {
            pushes.answered(checkoutRequestId, "0", receiptNumber(callback));
        }
        PaymentNotifications.Outcome outcome = notifications.byIdempotencyKey(MpesaGateway.ID,
                push.idempotencyKey(), result);
        log.info("M-Pesa callback: the query answered {}; {}", result.status(), outcome);
        return accepted();
    }

    /**
     * A push whose own answer was lost is named by its callback, as long as no other push has that name; the query
     * then says what happened to it.
     */
    private @Nullable String adopt(MpesaPushStore.Push push, JsonNode callback) {
        String named = callback.path("CheckoutRequestID").asString("").strip();
        if (named.isEmpty() || named.length() > 64 || pushes.byCheckoutRequest(named).isPresent()) {
            log.warn("M-Pesa callback for a push without a name names none it can take; ignored");
            return null;
        }
        pushes.accepted(push.idempotencyKey(), named, null);
        return pushes.byKey(push.idempotencyKey()).map(MpesaPushStore.Push::checkoutRequestId).orElse(null);
    }

    private static @Nullable String receiptNumber(JsonNode callback) {
        for (JsonNode item : callback.path("CallbackMetadata").path("Item")) {
            if ("MpesaReceiptNumber".equals(item.path("Name").asString(""))) {
                String receipt = item.path("Value").asString("").strip();
                return receipt.isEmpty() || receipt.length() > 32 ? null : receipt;
            }
        }
        return null;
    }

    private JsonNode parse(byte[] body) {
        try {
            return json.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JacksonException notJson) {
            return json.createObjectNode();
        }
    }

    private static ResponseEntity<String> accepted() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(ACCEPTED);
    }
}
