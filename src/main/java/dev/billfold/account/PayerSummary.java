package dev.billfold.account;

import org.jspecify.annotations.Nullable;

/** A payer as selectors and documents show it. */
public record PayerSummary(PayerId id, PayerType type, String legalName, @Nullable String taxId, String address,
                           String country, String invoiceEmail, boolean isDefault) {

    public static PayerSummary of(Payer payer) {
        return new PayerSummary(payer.id(), payer.type(), payer.legalName(), payer.taxId(), payer.address(),
                payer.country(), payer.invoiceEmail(), payer.isDefault());
    }

    public String displayName() {
        return legalName + " (" + type.label() + ")";
    }
}
