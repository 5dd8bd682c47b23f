package dev.billfold.account;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The rules a payer's details must meet, per payer type. The service applies them on every add and edit; their
 * messages are what the form shows next to each field. Lengths are the columns' ({@link TextLimits}).
 */
final class PayerRules {

    /**
     * One @, something before it, a dot in the domain, no spaces: what a mail server accepts, without guessing more.
     */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{2,}");

    private PayerRules() {
    }

    /** The details as they will be stored (trimmed, tax id normalised), or every problem at once. */
    static Checked check(PayerDraft draft) {
        Map<String, String> problems = new LinkedHashMap<>();
        PayerType type = draft.type();
        if (type == null) {
            problems.put("type", "Choose whether the payer is an individual, a company or a sole proprietor.");
        }
        String legalName = strip(draft.legalName());
        if (legalName.isEmpty()) {
            problems.put("legalName", "Enter the payer's legal name.");
        } else if (legalName.length() > TextLimits.LEGAL_NAME) {
            problems.put("legalName", "The legal name has at most %d characters.".formatted(TextLimits.LEGAL_NAME));
        }
        String country = strip(draft.country()).toUpperCase(Locale.ROOT);
        if (country.isEmpty()) {
            problems.put("country", "Choose the payer's country.");
        } else if (!Countries.isKnown(country)) {
            problems.put("country", "Choose a country from the list.");
        }
        String taxId = strip(draft.taxId());
        String storedTaxId = null;
        if (taxId.isEmpty()) {
            if (type == PayerType.COMPANY) {
                problems.put("taxId", "A company needs a registration number or VAT id.");
            } else if (type == PayerType.SOLE_PROPRIETOR) {
                problems.put("taxId", "A sole proprietor needs a tax id.");
            }
        } else if (!problems.containsKey("country")) {
            TaxIds.Result result = TaxIds.check(taxId, country);
            if (result.isValid()) {
                storedTaxId = result.value();
            } else {
                problems.put("taxId", result.problem());
            }
        }
        String address = strip(draft.address());
        if (address.isEmpty()) {
            problems.put("address", "Enter the payer's address.");
        } else if (address.length() > TextLimits.ADDRESS) {
            problems.put("address", "The address has at most %d characters.".formatted(TextLimits.ADDRESS));
        }
        String email = strip(draft.invoiceEmail());
        if (email.isEmpty()) {
            problems.put("invoiceEmail", "Enter the email address that receives invoices.");
        } else if (email.length() > TextLimits.EMAIL) {
            problems.put("invoiceEmail", "The email address has at most %d characters.".formatted(TextLimits.EMAIL));
        } else if (!EMAIL.matcher(email).matches()) {
            problems.put("invoiceEmail", "Enter a valid email address, like billing@example.com.");
        }
        if (!problems.isEmpty()) {
            throw new InvalidPayerException(problems);
        }
        return new Checked(type, legalName, storedTaxId, address, country, email);
    }

    private static String strip(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    record Checked(PayerType type, String legalName, @Nullable String taxId, String address, String country,
                   String invoiceEmail) {
    }
}
