package dev.billfold.refund;

import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.payment.PaymentDocuments;
import dev.billfold.payment.SellerProperties;
import dev.billfold.payment.PaymentDocument;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** The refund receipt (credit note) of a request: the parts that went back, each with its reference. */
@Component
class RefundDocuments {

    private final RefundStore store;
    private final SellerProperties seller;

    RefundDocuments(RefundStore store, SellerProperties seller) {
        this.store = store;
        this.seller = seller;
    }

    /** "CN-" and the first 12 hex digits of the request id, like the receipts' numbers (DD-046). */
    static String number(RefundRequestId id) {
        String hex = id.value().toString().replace("-", "").toUpperCase(Locale.ROOT);
        return "CN-" + hex.substring(0, 8) + "-" + hex.substring(8, 12);
    }

    /** The caller checked access to the request. */
    PaymentDocument creditNote(RefundRequest request, List<RefundPart> parts) {
        List<RefundPart> done = parts.stream().filter(p -> p.status().done()).toList();
        if (done.isEmpty()) {
            throw InvalidRequestException.keyed(null, "errors.refund.no-receipt");
        }
        RefundStore.AccountHead account = store.account(request.accountId()).orElseThrow();
        Money total = done.stream().map(RefundPart::amount).reduce(Money.zero(request.amount().currency()),
                Money::plus);
        List<RefundPdfs.Line> lines = done.stream().map(p -> new RefundPdfs.Line(p.destination(), p.amount().format(),
                p.updatedAt(), p.route() == RefundRoute.PAYOUT ? String.valueOf(p.payoutReference())
                        : p.providerRefundId() == null ? p.idempotencyKey() : p.providerRefundId(),
                PaymentDocuments.receiptNumber(p.paymentId()))).toList();
        return RefundPdfs.creditNote(new RefundPdfs.CreditNote(number(request.id()), String.join("\n", seller.block()),
                account.name(), account.number(), request.requestedAt(), request.amount().format(), lines,
                total.format(), request.id().value().toString()));
    }
}
