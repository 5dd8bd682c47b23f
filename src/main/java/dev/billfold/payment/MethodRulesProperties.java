package dev.billfold.payment;

import dev.billfold.account.PayerType;
import dev.billfold.gateway.MethodFamily;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which kinds of method each account country offers (DD-091), e.g. {@code billfold.methods.countries.KZ.offered=
 * CARD,BANK_TRANSFER} and {@code billfold.methods.countries.KZ.bank-transfer-for=COMPANY,SOLE_PROPRIETOR}. A country
 * without an entry (and an account without a country) is offered every method. Defaults in application.properties.
 */
@ConfigurationProperties("billfold.methods")
public record MethodRulesProperties(@DefaultValue Map<String, Country> countries) {

    public MethodRulesProperties {
        var byCode = new TreeMap<String, Country>();
        countries.forEach((code, rule) -> {
            String normalised = code.strip().toUpperCase(Locale.ROOT);
            if (!normalised.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException("billfold.methods.countries: '" + code + "' is not a country code");
            }
            byCode.put(normalised, rule);
        });
        countries = Map.copyOf(byCode);
    }

    /**
     * @param offered         the kinds of method offered to the country's accounts
     * @param bankTransferFor the payer types that may pay by bank transfer there; every type when empty
     */
    public record Country(Set<MethodFamily> offered, @DefaultValue Set<PayerType> bankTransferFor) {

        public Country {
            if (offered.isEmpty()) {
                throw new IllegalArgumentException("billfold.methods.countries.*.offered names no method");
            }
            offered = Set.copyOf(EnumSet.copyOf(offered));
            bankTransferFor = bankTransferFor.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(bankTransferFor));
        }
    }
}
