package dev.billfold.api;

import dev.billfold.account.AccountId;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.payment.PaymentId;
import dev.billfold.refund.OperatorRefund;
import dev.billfold.refund.RefundDesk;
import dev.billfold.refund.RefundOrigin;
import dev.billfold.refund.RefundPage;
import dev.billfold.refund.RefundPartStatus;
import dev.billfold.refund.RefundQueueRow;
import dev.billfold.refund.RefundRequestId;
import dev.billfold.refund.RefundRequestStatus;
import dev.billfold.refund.RefundRoute;
import dev.billfold.refund.RefundSummary;
import dev.billfold.security.ApiClientAuthentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Refunds (issue 17, DD-079): the provider's systems refund a credited payment by Finance's own path (RefundDesk:
 * within what the payment has left, its provider's window and the balance, reserved at once and sent at once), and
 * read refunds, the customers' requests among them.
 */
@RestController
@RequestMapping(path = ApiSecurityConfig.BASE, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Refunds", description = "Money returned to the payer, debited from the balance")
class RefundsApi {

    private final RefundDesk desk;
    private final ApiJson json;

    RefundsApi(RefundDesk desk, ApiJson json) {
        this.desk = desk;
        this.json = json;
    }

    @Schema(name = "NewRefund", description = "Unknown fields are refused (400).")
    record NewRefundBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                 description = "Positive, in the account's currency; at most what the payment has "
                                         + "left and the balance") @Nullable MoneyBody amount,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Charged twice, ticket 881",
                                 description = "Why: kept with the refund and in the audit trail")
                         @Nullable String reason) {
    }

    @Schema(name = "RefundPart", description = "The share of a refund that goes back to one payment's method")
    record RefundPartBody(UUID id, UUID paymentId, @Schema(example = "Visa •••• 4242") String destination,
                          MoneyBody amount, RefundRoute route, RefundPartStatus status,
                          @Schema(description = "Why it failed or was cancelled") @Nullable String reason,
                          @Schema(description = "A bank payout's transfer reference")
                          @Nullable String payoutReference) {

        static RefundPartBody of(RefundSummary.Part part) {
            return new RefundPartBody(part.id().value(), part.paymentId().value(), part.destination(),
                    MoneyBody.of(part.amount()), part.route(), part.status(), part.reason(), part.payoutReference());
        }
    }

    @Schema(name = "Refund")
    record RefundBody(UUID id, UUID accountId, MoneyBody amount, RefundOrigin origin,
                      @Schema(description = "The decision on it; where the money stands is each part's status")
                      RefundRequestStatus decision,
                      @Schema(example = "Refunded", description = "As the customer reads it: Awaiting approval, In "
                              + "progress, Refunded, Partly refunded…, Rejected…, Failed…") String status,
                      @Schema(description = "Why it was rejected or failed") @Nullable String statusReason,
                      @Schema(description = "The reason given with an operator's or API refund") @Nullable String note,
                      String requestedBy, OffsetDateTime requestedAt, boolean hasReceipt,
                      List<RefundPartBody> parts) {

        static RefundBody of(RefundQueueRow row) {
            RefundSummary refund = row.refund();
            return new RefundBody(refund.id().value(), refund.accountId().value(), MoneyBody.of(refund.amount()),
                    refund.origin(), refund.decision(), refund.status(), refund.reason(), row.note(),
                    row.requestedBy(), MoneyApi.time(refund.requestedAt()), refund.hasReceipt(),
                    refund.parts().stream().map(RefundPartBody::of).toList());
        }
    }

    @Schema(name = "RefundList")
    record RefundListBody(List<RefundBody> items,
                          @Schema(description = "Pass as cursor for the next page; null on the last page")
                          @Nullable String nextCursor) {
    }

    @PostMapping(path = "/payments/{paymentId}/refunds", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Refund a payment", description = "Scope balance:write. A credited top-up, fully or in "
            + "part, back to its own method: at most what the payment has left, within its provider's refund window, "
            + "and never more than the balance, from which it is debited at once. Bank transfers go back by payout, "
            + "which the customer asks for. Idempotency-Key supported: a retry makes no second refund.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = NewRefundBody.class))))
    ResponseEntity<RefundBody> create(@PathVariable UUID paymentId, @RequestBody String body,
                                      @RequestHeader(name = ApiGate.IDEMPOTENCY_KEY, required = false)
                                      @Parameter(hidden = true) @Nullable String idempotencyKey) {
        NewRefundBody request = json.read(body, NewRefundBody.class);
        MoneyBody amount = request.amount();
        if (amount == null || amount.value() == null || amount.currency() == null) {
            throw new InvalidRequestException("amount", "Give the amount as {\"value\": \"12.50\", \"currency\": "
                    + "\"USD\"}.");
        }
        RefundQueueRow refund;
        try {
            refund = desk.refundPaymentInCurrency(new OperatorRefund(new PaymentId(paymentId), amount.value(),
                    request.reason(), refundKey(idempotencyKey)), amount.currency());
        } catch (InvalidRequestException refused) {
            throw "note".equals(refused.field()) ? new InvalidRequestException("reason", refused.getMessage())
                    : refused;
        }
        return ResponseEntity.created(URI.create(ApiSecurityConfig.BASE + "/refunds/" + refund.refund().id().value()))
                .body(RefundBody.of(refund));
    }

    @GetMapping("/refunds/{refundId}")
    @Operation(summary = "Read a refund", description = "Scope read. An API or operator refund, or a customer's "
            + "request, with where each part stands.")
    RefundBody refund(@PathVariable UUID refundId) {
        return RefundBody.of(desk.refund(new RefundRequestId(refundId)));
    }

    @GetMapping("/accounts/{accountId}/refunds")
    @Operation(summary = "List an account's refunds", description = "Scope read. Newest first, cursor-paged.")
    RefundListBody refunds(@PathVariable UUID accountId, @RequestParam(required = false) @Nullable String cursor,
                           @RequestParam(defaultValue = "50") @Parameter(description = "1 to 100") int limit) {
        RefundPage page = desk.refunds(new AccountId(accountId), cursor, limit);
        return new RefundListBody(page.items().stream().map(RefundBody::of).toList(), page.next());
    }

    /**
     * The refund's own key, from the client and its Idempotency-Key: even after the key's replay time (or if its
     * stored response were lost) a retry finds the refund made and makes no other. Hashed to fit the refund's key.
     */
    private static String refundKey(@Nullable String idempotencyKey) {
        if (idempotencyKey == null
                || !(SecurityContextHolder.getContext().getAuthentication() instanceof ApiClientAuthentication api)) {
            return "api:" + UUID.randomUUID();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((api.client().client() + "\n"
                    + idempotencyKey).getBytes(StandardCharsets.UTF_8));
            return "api:" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
