package dev.billfold.account;

import org.jspecify.annotations.Nullable;

/** A payer as the payers page shows and edits it, with the version the edit is based on. */
public record PayerDetails(PayerId id, PayerType type, String legalName, @Nullable String taxId, String address,
                           String country, String invoiceEmail, boolean isDefault, boolean archived, long version) {

    static PayerDetails of(Payer payer) {
        return new PayerDetails(payer.id(), payer.type(), payer.legalName(), payer.taxId(), payer.address(),
                payer.country(), payer.invoiceEmail(), payer.isDefault(), payer.archived(),
                payer.version() == null ? 0 : payer.version());
    }

    public PayerSummary summary() {
        return new PayerSummary(id, type, legalName, taxId, address, country, invoiceEmail, isDefault);
    }

    public String displayName() {
        return legalName + " (" + type.label() + ")";
    }
}
