package dev.billfold.api;

import dev.billfold.account.AccountId;
import dev.billfold.adjustment.AdjustmentCategory;
import dev.billfold.adjustment.AdjustmentDirection;
import dev.billfold.adjustment.AdjustmentId;
import dev.billfold.adjustment.AdjustmentRequest;
import dev.billfold.adjustment.AdjustmentRow;
import dev.billfold.adjustment.AdjustmentService;
import dev.billfold.adjustment.AdjustmentStatus;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.ledger.LedgerEntryKind;
import dev.billfold.ledger.LedgerLine;
import dev.billfold.ledger.LedgerPage;
import dev.billfold.ledger.LedgerQuery;
import dev.billfold.payment.MethodKind;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.PaymentLine;
import dev.billfold.payment.PaymentLinePage;
import dev.billfold.payment.PaymentListQuery;
import dev.billfold.payment.PaymentStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Balance adjustments, payments and the ledger (issue 17). An adjustment goes through the same service as a Finance
 * member's, so the same bounds and the same four-eyes rule hold: above the approval limit it waits for a Finance
 * member in the back office.
 */
@RestController
@RequestMapping(path = ApiSecurityConfig.BASE, produces = MediaType.APPLICATION_JSON_VALUE)
class MoneyApi {

    private final AdjustmentService adjustments;
    private final LedgerQuery ledger;
    private final PaymentListQuery payments;
    private final ApiJson json;

    MoneyApi(AdjustmentService adjustments, LedgerQuery ledger, PaymentListQuery payments, ApiJson json) {
        this.adjustments = adjustments;
        this.ledger = ledger;
        this.payments = payments;
        this.json = json;
    }

    @Schema(name = "NewAdjustment", description = "Unknown fields are refused (400).")
    record NewAdjustmentBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED)
                             @Nullable AdjustmentDirection direction,
                             @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                     description = "Positive, in the account's currency") @Nullable MoneyBody amount,
                             @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable AdjustmentCategory reason,
                             @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Outage credit, ticket 881")
                             @Nullable String note) {
    }

    @Schema(name = "Adjustment")
    record AdjustmentBody(UUID id, UUID accountId,
                          @Schema(description = "Signed: a debit is negative") MoneyBody amount,
                          AdjustmentCategory reason, String note, AdjustmentStatus status, String requestedBy,
                          OffsetDateTime requestedAt, @Nullable String decidedBy,
                          @Nullable OffsetDateTime decidedAt) {

        static AdjustmentBody of(AdjustmentRow row) {
            return new AdjustmentBody(row.id().value(), row.accountId().value(), MoneyBody.of(row.amount()),
                    row.category(), row.note(), row.status(), row.requestedBy(), time(row.requestedAt()),
                    row.decidedBy(), row.decidedAt() == null ? null : time(row.decidedAt()));
        }
    }

    @Schema(name = "LedgerEntry")
    record LedgerEntryBody(UUID id, UUID accountId, @Schema(description = "Signed") MoneyBody amount,
                           LedgerEntryKind kind, @Schema(description = "The cause, e.g. payment:<id>") String reference,
                           OffsetDateTime createdAt) {

        static LedgerEntryBody of(LedgerLine line) {
            return new LedgerEntryBody(line.id().value(), line.accountId().value(), MoneyBody.of(line.amount()),
                    line.kind(), line.reference(), time(line.createdAt()));
        }
    }

    @Schema(name = "LedgerEntryList")
    record LedgerListBody(List<LedgerEntryBody> items, @Nullable String nextCursor) {
    }

    @Schema(name = "Payment")
    record PaymentBody(UUID id, UUID accountId, UUID payerId, MoneyBody amount, @Nullable MoneyBody credited,
                       PaymentStatus status, MethodKind method, @Nullable String provider, OffsetDateTime createdAt,
                       OffsetDateTime updatedAt) {

        static PaymentBody of(PaymentLine line) {
            return new PaymentBody(line.id().value(), line.accountId().value(), line.payerId().value(),
                    MoneyBody.of(line.amount()), line.credited() == null ? null : MoneyBody.of(line.credited()),
                    line.status(), line.methodKind(), line.provider(), time(line.createdAt()),
                    time(line.updatedAt()));
        }
    }

    @Schema(name = "PaymentList")
    record PaymentListBody(List<PaymentBody> items, @Nullable String nextCursor) {
    }

    @PostMapping(path = "/accounts/{accountId}/adjustments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Tag(name = "Adjustments")
    @Operation(summary = "Post a balance adjustment", description = "Scope balance:write. Above the approval limit "
            + "the adjustment waits (status AWAITING_APPROVAL) for a Finance member in the back office. A debit never "
            + "takes the balance below zero. Idempotency-Key supported.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = NewAdjustmentBody.class))))
    ResponseEntity<AdjustmentBody> adjust(@PathVariable UUID accountId, @RequestBody String body) {
        NewAdjustmentBody request = json.read(body, NewAdjustmentBody.class);
        MoneyBody amount = request.amount();
        if (amount == null || amount.value() == null || amount.currency() == null) {
            throw new InvalidRequestException("amount", "Give the amount as {\"value\": \"12.50\", \"currency\": "
                    + "\"USD\"}.");
        }
        AdjustmentRow row = adjustments.requestInCurrency(new AdjustmentRequest(new AccountId(accountId),
                request.direction(), amount.value(), request.reason(), request.note()), amount.currency());
        return ResponseEntity.created(URI.create(ApiSecurityConfig.BASE + "/adjustments/" + row.id().value()))
                .body(AdjustmentBody.of(row));
    }

    @GetMapping("/adjustments/{adjustmentId}")
    @Tag(name = "Adjustments")
    @Operation(summary = "Read an adjustment", description = "Scope read.")
    AdjustmentBody adjustment(@PathVariable UUID adjustmentId) {
        return AdjustmentBody.of(adjustments.adjustment(new AdjustmentId(adjustmentId)));
    }

    @GetMapping("/ledger")
    @Tag(name = "Ledger")
    @Operation(summary = "List ledger entries", description = "Scope read. Newest first, cursor-paged; filter by "
            + "account and time (ISO 8601 with offset; from inclusive, to exclusive).")
    LedgerListBody ledger(@RequestParam(required = false) @Nullable UUID accountId,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                          @Nullable OffsetDateTime from,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                          @Nullable OffsetDateTime to,
                          @RequestParam(required = false) @Nullable String cursor,
                          @RequestParam(defaultValue = "50") @Parameter(description = "1 to 100") int limit) {
        LedgerPage page = ledger.entries(accountId == null ? null : new AccountId(accountId), instant(from),
                instant(to), cursor, limit);
        return new LedgerListBody(page.items().stream().map(LedgerEntryBody::of).toList(), page.next());
    }

    @GetMapping("/payments")
    @Tag(name = "Payments")
    @Operation(summary = "List payments", description = "Scope read. Newest first, cursor-paged; filter by account, "
            + "status and creation time (ISO 8601 with offset; from inclusive, to exclusive).")
    PaymentListBody payments(@RequestParam(required = false) @Nullable UUID accountId,
                             @RequestParam(required = false) @Nullable PaymentStatus status,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                             @Nullable OffsetDateTime from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                             @Nullable OffsetDateTime to,
                             @RequestParam(required = false) @Nullable String cursor,
                             @RequestParam(defaultValue = "50") @Parameter(description = "1 to 100") int limit) {
        PaymentLinePage page = payments.payments(accountId == null ? null : new AccountId(accountId), status,
                instant(from), instant(to), cursor, limit);
        return new PaymentListBody(page.items().stream().map(PaymentBody::of).toList(), page.next());
    }

    @GetMapping("/payments/{paymentId}")
    @Tag(name = "Payments")
    @Operation(summary = "Read a payment", description = "Scope read.")
    PaymentBody payment(@PathVariable UUID paymentId) {
        return PaymentBody.of(payments.payment(new PaymentId(paymentId)));
    }

    static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
