package dev.billfold.payment;

import dev.billfold.account.AccountCountries;
import dev.billfold.account.AccountId;
import dev.billfold.account.PayerSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What an invoice copies when it is issued besides the payer (DD-094, DD-097): the configured seller with the account
 * for the invoice's currency, the buyer's country, and the language of its total in words.
 */
@Component
class InvoiceCopies {

    private final SellerProperties seller;
    private final InvoiceLanguageProperties languages;
    private final AccountCountries countries;

    InvoiceCopies(SellerProperties seller, InvoiceLanguageProperties languages, AccountCountries countries) {
        this.seller = seller;
        this.languages = languages;
        this.countries = countries;
    }

    record Copy(SellerProperties seller, @Nullable String buyerCountry, String wordsLanguage) {
    }

    /** The payer's country if it has one, else the account's. */
    Copy of(AccountId account, PayerSummary payer, String currency) {
        String country = SellerProperties.blankToNull(payer.country());
        if (country == null) {
            country = countries.of(account).map(SellerProperties::blankToNull).orElse(null);
        }
        return new Copy(seller.copyFor(currency), country, languages.languageFor(country));
    }
}
