package dev.billfold.account;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/** Who pays: an individual, a company or a sole proprietor. Methods and invoices belong to a payer. */
public record Payer(
        @Id PayerId id,
        AccountId accountId,
        PayerType type,
        String legalName,
        @Nullable String taxId,
        String address,
        String country,
        String invoiceEmail,
        boolean isDefault,
        boolean archived,
        @Version @Nullable Long version) {

    public Payer {
        Objects.requireNonNull(id);
        Objects.requireNonNull(accountId);
        Objects.requireNonNull(type);
        if (legalName.isBlank()) {
            throw new IllegalArgumentException("A payer needs a legal name");
        }
        if (type == PayerType.COMPANY && (taxId == null || taxId.isBlank())) {
            throw new IllegalArgumentException("A company payer needs a registration or VAT id");
        }
    }

    Payer withVersion(Long newVersion) {
        return new Payer(id, accountId, type, legalName, taxId, address, country, invoiceEmail, isDefault, archived,
                newVersion);
    }

    static Payer create(AccountId accountId, PayerRules.Checked details, boolean isDefault) {
        return new Payer(PayerId.random(), accountId, details.type(), details.legalName(), details.taxId(),
                details.address(), details.country(), details.invoiceEmail(), isDefault, false, null);
    }

    Payer withDetails(PayerRules.Checked details) {
        return new Payer(id, accountId, details.type(), details.legalName(), details.taxId(), details.address(),
                details.country(), details.invoiceEmail(), isDefault, archived, version);
    }

    /** Only an active payer can be the default: the default is who pays when nobody chose. */
    Payer asDefault(boolean newDefault) {
        if (newDefault && archived) {
            throw new IllegalStateException("An archived payer cannot be the default");
        }
        return new Payer(id, accountId, type, legalName, taxId, address, country, invoiceEmail, newDefault, archived,
                version);
    }

    Payer archive() {
        return new Payer(id, accountId, type, legalName, taxId, address, country, invoiceEmail, false, true, version);
    }

    /** "ACME Hosting Ltd (Company)": how the payer is named in selectors. */
    public String displayName() {
        return legalName + " (" + type.label() + ")";
    }
}
