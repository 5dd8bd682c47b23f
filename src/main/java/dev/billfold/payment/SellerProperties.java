package dev.billfold.payment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The provider as its invoices and receipts name it, configured once (DD-094). Checked at start-up, so that a
 * missing legal name or a mistyped IBAN stops the start rather than every invoice.
 *
 * @param country      ISO 3166 alpha-2 code of the seller's country, which picks the tax wording
 * @param taxRate      the rate charged in percent (e.g. 20), or none when the seller charges no tax
 * @param taxName      what the tax is called on the document ("VAT", "НДС", "QQS")
 * @param logo         path of a PNG or SVG file printed in the header (an SVG rasterised by Batik), or none
 * @param bankAccounts the accounts that receive transfers; each currency is received by at most one
 */
@ConfigurationProperties("billfold.seller")
public record SellerProperties(
        String legalName,
        String address,
        String country,
        @Nullable String registrationNumber,
        @Nullable String taxId,
        @Nullable String vatId,
        @Nullable String email,
        @Nullable String phone,
        @Nullable Double taxRate,
        @DefaultValue("VAT") String taxName,
        @Nullable String logo,
        @DefaultValue List<BankAccount> bankAccounts) {

    /** {@code invoice.seller_*} and {@code invoice.bank_*}: an invoice copies each text when it is issued (V41). */
    public static final int FIELD_MAX = 500;

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern BIC = Pattern.compile("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?");

    public SellerProperties {
        registrationNumber = blankToNull(registrationNumber);
        taxId = blankToNull(taxId);
        vatId = blankToNull(vatId);
        email = blankToNull(email);
        phone = blankToNull(phone);
        logo = blankToNull(logo);
        require("legal-name", legalName);
        require("address", address);
        require("country", country);
        atMost("legal-name", legalName);
        atMost("address", address);
        atMost("registration-number", registrationNumber);
        atMost("tax-id", taxId);
        atMost("vat-id", vatId);
        atMost("email", email);
        atMost("phone", phone);
        atMost("tax-name", taxName);
        if (!COUNTRY.matcher(country).matches()) {
            throw invalid("country is \"%s\"; give an ISO 3166 alpha-2 code such as DE or KZ".formatted(country));
        }
        if (taxRate != null && (taxRate < 0 || taxRate > 100)) {
            throw invalid("tax-rate is %s; give a percentage from 0 to 100, or leave it out for none".formatted(
                    taxRate));
        }
        if (logo != null) {
            String name = logo.toLowerCase(Locale.ROOT);
            if (!name.endsWith(".png") && !SellerLogo.isSvg(name)) {
                throw invalid("logo %s is neither a .png nor an .svg file".formatted(logo));
            }
            if (!Files.isReadable(Path.of(logo))) {
                throw invalid("logo %s does not exist or cannot be read".formatted(logo));
            }
            if (SellerLogo.isSvg(name)) {
                try {
                    // Drawn once now, so a broken SVG stops the start, not an invoice.
                    SellerLogo.png(logo);
                } catch (IllegalArgumentException | java.io.UncheckedIOException broken) {
                    throw invalid("logo %s: %s".formatted(logo, broken.getMessage()));
                }
            }
        }
        bankAccounts = List.copyOf(bankAccounts);
        Set<String> currencies = new HashSet<>();
        for (int i = 0; i < bankAccounts.size(); i++) {
            for (String currency : bankAccounts.get(i).currencies()) {
                if (!currencies.add(currency)) {
                    throw invalid("bank-accounts[%d] receives %s, which an earlier account receives already"
                            .formatted(i, currency));
                }
            }
        }
    }

    /** The account that receives this currency, if one is configured. */
    public @Nullable BankAccount accountFor(String currency) {
        return bankAccounts.stream().filter(a -> a.currencies().contains(currency)).findFirst().orElse(null);
    }

    /**
     * What an invoice in this currency copies when it is issued (DD-094): the seller and its tax, and only the account
     * that receives the currency. No logo: it is the brand, printed as configured, not a detail of what was issued.
     */
    public SellerProperties copyFor(String currency) {
        BankAccount account = accountFor(currency);
        return new SellerProperties(legalName, address, country, registrationNumber, taxId, vatId, email, phone,
                taxRate, taxName, null, account == null ? List.of() : List.of(account.receiving(currency)));
    }

    /** This copy with the configured logo. */
    public SellerProperties withLogo(@Nullable String configuredLogo) {
        return new SellerProperties(legalName, address, country, registrationNumber, taxId, vatId, email, phone,
                taxRate, taxName, configuredLogo, bankAccounts);
    }

    /** The seller block of invoices, receipts and credit notes, one line each. */
    public List<String> block() {
        var lines = new ArrayList<String>();
        lines.add(legalName);
        lines.add(address);
        addIf(lines, "Registration no.: ", registrationNumber);
        addIf(lines, "Tax id: ", taxId);
        addIf(lines, "VAT id: ", vatId);
        addIf(lines, "E-mail: ", email);
        addIf(lines, "Phone: ", phone);
        return lines;
    }

    /** Whether the seller charges tax at all. */
    public boolean chargesTax() {
        return taxRate != null;
    }

    /**
     * One bank account, as structured fields. KZ accounts also carry the BIK, KBe and KNP; UZ accounts the MFO
     * (given as {@code bik}).
     *
     * @param iban          the IBAN, or none when the bank uses a local account number
     * @param accountNumber the local account number, when there is no IBAN
     * @param bik           the local bank code: BIK in Kazakhstan, MFO in Uzbekistan
     * @param kbe           the beneficiary code (Kazakhstan)
     * @param knp           the payment purpose code (Kazakhstan)
     * @param currencies    ISO 4217 codes this account receives
     */
    public record BankAccount(String holder, String bankName, @Nullable String iban, @Nullable String accountNumber,
                              @Nullable String bic, @Nullable String bik, @Nullable String kbe, @Nullable String knp,
                              List<String> currencies) {

        public BankAccount {
            iban = blankToNull(iban);
            accountNumber = blankToNull(accountNumber);
            bic = blankToNull(bic);
            bik = blankToNull(bik);
            kbe = blankToNull(kbe);
            knp = blankToNull(knp);
            require("bank-accounts[].holder", holder);
            require("bank-accounts[].bank-name", bankName);
            atMost("bank-accounts[].holder", holder);
            atMost("bank-accounts[].bank-name", bankName);
            atMost("bank-accounts[].account-number", accountNumber);
            atMost("bank-accounts[].bik", bik);
            atMost("bank-accounts[].kbe", kbe);
            atMost("bank-accounts[].knp", knp);
            if (iban != null) {
                iban = iban.replace(" ", "").toUpperCase(Locale.ROOT);
                if (!Iban.valid(iban)) {
                    throw invalid("bank-accounts[].iban %s is not a valid IBAN (its check digits do not match)"
                            .formatted(iban));
                }
            }
            if (iban == null && accountNumber == null) {
                throw invalid("bank-accounts[] of %s has neither an iban nor an account-number".formatted(bankName));
            }
            if (bic != null && !BIC.matcher(bic).matches()) {
                throw invalid("bank-accounts[].bic %s is not a BIC/SWIFT code (8 or 11 letters and digits)"
                        .formatted(bic));
            }
            if (currencies == null || currencies.isEmpty()) {
                throw invalid("bank-accounts[] of %s names no currencies it receives".formatted(bankName));
            }
            currencies = List.copyOf(currencies);
        }

        /** The same account, receiving only this currency: what an invoice in it copies. */
        BankAccount receiving(String currency) {
            return new BankAccount(holder, bankName, iban, accountNumber, bic, bik, kbe, knp, List.of(currency));
        }

        /** The account's number as printed: the IBAN when there is one. */
        public String number() {
            return iban != null ? Iban.grouped(iban) : accountNumber;
        }

        /** The bank's fields printed under "Bank details", one per line. */
        public List<String> lines() {
            var lines = new ArrayList<String>();
            lines.add("Account holder: " + holder);
            lines.add("Bank: " + bankName);
            lines.add((iban != null ? "IBAN: " : "Account: ") + number());
            addIf(lines, "BIC/SWIFT: ", bic);
            addIf(lines, "BIK/MFO: ", bik);
            addIf(lines, "KBe: ", kbe);
            addIf(lines, "KNP: ", knp);
            return lines;
        }
    }

    private static void addIf(List<String> lines, String term, @Nullable String value) {
        if (value != null) {
            lines.add(term + value);
        }
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void require(String key, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw invalid(key + " is not set; invoices and receipts must name it");
        }
    }

    private static void atMost(String key, @Nullable String value) {
        if (value != null && value.length() > FIELD_MAX) {
            throw invalid("%s has %d characters; an invoice holds at most %d".formatted(key, value.length(),
                    FIELD_MAX));
        }
    }

    private static IllegalArgumentException invalid(String message) {
        return new IllegalArgumentException("billfold.seller." + message);
    }
}
