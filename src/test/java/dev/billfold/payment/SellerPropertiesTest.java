package dev.billfold.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.payment.SellerProperties.BankAccount;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class SellerPropertiesTest {

    private static final BankAccount EUR = new BankAccount("Seller GmbH", "Commerzbank", "de89 3704 0044 0532 0130 00",
            null, "COBADEFFXXX", null, null, null, List.of("EUR", "USD"));

    static SellerProperties seller(@Nullable Double taxRate, String country, List<BankAccount> accounts) {
        return new SellerProperties("Seller GmbH", "Musterstrasse 1, Berlin", country, "HRB 1", "27/1", "DE123456789",
                "billing@seller.test", "+49 30 1", taxRate, "VAT", null, accounts);
    }

    @Test
    void an_account_receives_its_currencies_and_prints_its_iban_in_groups() {
        var seller = seller(19.0, "DE", List.of(EUR));

        assertThat(seller.accountFor("USD")).isSameAs(seller.accountFor("EUR"));
        assertThat(seller.accountFor("KZT")).isNull();
        assertThat(seller.accountFor("EUR").lines()).containsExactly("Account holder: Seller GmbH",
                "Bank: Commerzbank", "IBAN: DE89 3704 0044 0532 0130 00", "BIC/SWIFT: COBADEFFXXX");
    }

    @Test
    void a_text_longer_than_an_invoice_copies_stops_the_start() {
        String tooLong = "x".repeat(SellerProperties.FIELD_MAX + 1);

        assertThatThrownBy(() -> new SellerProperties("S", tooLong, "DE", null, null, null, null, null, null, "VAT",
                null, List.of()))
                .hasMessage("billfold.seller.address has 501 characters; an invoice holds at most 500");
        assertThatThrownBy(() -> new BankAccount("S", "Bank", null, "1", null, null, null, tooLong, List.of("KZT")))
                .hasMessage("billfold.seller.bank-accounts[].knp has 501 characters; an invoice holds at most 500");
    }

    @Test
    void the_copy_an_invoice_takes_has_the_currencys_account_only_and_no_logo() {
        var seller = seller(19.0, "DE", List.of(EUR));

        assertThat(seller.copyFor("USD").bankAccounts()).containsExactly(EUR.receiving("USD"));
        assertThat(seller.copyFor("KZT").bankAccounts()).isEmpty();
        assertThat(seller.copyFor("USD").block()).isEqualTo(seller.block());
        assertThat(seller.copyFor("USD").taxRate()).isEqualTo(19.0);
    }

    @Test
    void an_invoice_language_without_words_stops_the_start() {
        var languages = new InvoiceLanguageProperties(java.util.Map.of("kz", "RU", "UZ", "uz"), "en");

        assertThat(languages.languageFor("KZ")).isEqualTo("ru");
        assertThat(languages.languageFor("KE")).isEqualTo("en");
        assertThat(languages.languageFor(null)).isEqualTo("en");
        assertThatThrownBy(() -> new InvoiceLanguageProperties(java.util.Map.of("DE", "de"), "en"))
                .hasMessage("billfold.invoice-language.by-country.DE is \"de\"; give one of en, kk, ru, uz");
    }

    @Test
    void blank_optional_fields_are_absent_as_the_production_environment_leaves_them() {
        var seller = new SellerProperties("S", "A", "GB", " ", "", "", "", "", null, "VAT", "", List.of());

        assertThat(seller.vatId()).isNull();
        assertThat(seller.logo()).isNull();
        assertThat(seller.chargesTax()).isFalse();
    }

    @Test
    void a_wrong_start_up_value_stops_the_start_with_the_key_and_what_is_wrong() {
        assertThatThrownBy(() -> new SellerProperties(" ", "A", "DE", null, null, null, null, null, null, "VAT", null,
                List.of())).hasMessage("billfold.seller.legal-name is not set; invoices and receipts must name it");
        assertThatThrownBy(() -> seller(null, "Germany", List.of()))
                .hasMessage("billfold.seller.country is \"Germany\"; give an ISO 3166 alpha-2 code such as DE or KZ");
        assertThatThrownBy(() -> seller(120.0, "DE", List.of()))
                .hasMessage("billfold.seller.tax-rate is 120.0; give a percentage from 0 to 100, or leave it out "
                        + "for none");
        assertThatThrownBy(() -> new BankAccount("S", "Bank", "DE88370400440532013000", null, null, null, null, null,
                List.of("EUR"))).hasMessage("billfold.seller.bank-accounts[].iban DE88370400440532013000 is not a "
                + "valid IBAN (its check digits do not match)");
        assertThatThrownBy(() -> new BankAccount("S", "Bank", null, " ", null, null, null, null, List.of("UZS")))
                .hasMessage("billfold.seller.bank-accounts[] of Bank has neither an iban nor an account-number");
        assertThatThrownBy(() -> new BankAccount("S", "Bank", null, "1", "ABC", null, null, null, List.of("UZS")))
                .hasMessage("billfold.seller.bank-accounts[].bic ABC is not a BIC/SWIFT code (8 or 11 letters and "
                        + "digits)");
        assertThatThrownBy(() -> seller(null, "DE", List.of(EUR, new BankAccount("S", "Other", null, "1", null, null,
                null, null, List.of("USD")))))
                .hasMessage("billfold.seller.bank-accounts[1] receives USD, which an earlier account receives already");
        assertThatThrownBy(() -> new SellerProperties("S", "A", "DE", null, null, null, null, null, null, "VAT",
                "/nowhere/logo.gif", List.of()))
                .hasMessage("billfold.seller.logo /nowhere/logo.gif is neither a .png nor an .svg file");
        assertThatThrownBy(() -> new SellerProperties("S", "A", "DE", null, null, null, null, null, null, "VAT",
                "/nowhere/logo.png", List.of()))
                .hasMessage("billfold.seller.logo /nowhere/logo.png does not exist or cannot be read");
    }

    @Test
    void a_broken_svg_logo_stops_the_start_with_its_reason(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path broken = java.nio.file.Files.writeString(dir.resolve("logo.svg"), "<svg><rect</svg>");

        assertThatThrownBy(() -> new SellerProperties("S", "A", "DE", null, null, null, null, null, null, "VAT",
                broken.toString(), List.of()))
                .hasMessageStartingWith("billfold.seller.logo " + broken + ": the SVG cannot be drawn: ")
                .hasMessageContaining("rect");
    }
}
