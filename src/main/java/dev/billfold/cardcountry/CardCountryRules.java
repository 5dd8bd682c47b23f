package dev.billfold.cardcountry;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Whether a card issued in one country may pay for an account in another (DD-090). A card whose country the provider
 * did not name (a wallet, a bank transfer) is not refused here: only what a provider reports is checked.
 */
@Component
public class CardCountryRules {

    private final CardCountryProperties properties;

    CardCountryRules(CardCountryProperties properties) {
        this.properties = properties;
    }

    /** The customer-facing reason the card cannot pay for this account, or empty when it can. */
    public Optional<Refusal> refusal(@Nullable String accountCountry, @Nullable String cardCountry) {
        if (cardCountry == null || cardCountry.isBlank()) {
            return Optional.empty();
        }
        String card = cardCountry.strip().toUpperCase(Locale.ROOT);
        boolean refused = properties.refused().getOrDefault(CardCountryProperties.EVERY_ACCOUNT, Set.of())
                .contains(card);
        String account = accountCountry == null ? null : accountCountry.strip().toUpperCase(Locale.ROOT);
        if (!refused && account != null) {
            refused = properties.refused().getOrDefault(account, Set.of()).contains(card);
        }
        return refused ? Optional.of(new Refusal(card, account)) : Optional.empty();
    }

    /** A refused card: its issuing country and the account's, with the words for each place they are shown. */
    public record Refusal(String cardCountry, @Nullable String accountCountry) {

        /** "Cards issued in Russia cannot pay for accounts in Kenya." */
        public String reason() {
            String card = name(cardCountry);
            return accountCountry == null ? "Cards issued in %s cannot be used here.".formatted(card)
                    : "Cards issued in %s cannot pay for accounts in %s.".formatted(card, name(accountCountry));
        }

        private static String name(String code) {
            String name = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
            return name.isBlank() || name.equals(code) ? code : name;
        }
    }
}
