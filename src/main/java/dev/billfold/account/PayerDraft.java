package dev.billfold.account;

import org.jspecify.annotations.Nullable;

/** A payer's details as typed into the form: not yet checked, any field may be missing or wrong. */
public record PayerDraft(@Nullable PayerType type, @Nullable String legalName, @Nullable String taxId,
                         @Nullable String address, @Nullable String country, @Nullable String invoiceEmail) {

    public static PayerDraft of(PayerDetails payer) {
        return new PayerDraft(payer.type(), payer.legalName(), payer.taxId(), payer.address(), payer.country(),
                payer.invoiceEmail());
    }
}
