package dev.billfold.gateway.demo;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/** Test cards of the demo provider, numbered like the big providers' test cards so support staff recognise them. */
enum DemoCard {
    VISA_OK("4242424242424242", "Visa", Behaviour.SUCCEED, null, "US"),
    MASTERCARD_OK("5555555555554444", "Mastercard", Behaviour.SUCCEED, null, "US"),
    VISA_AUTHENTICATION("4000002760003184", "Visa", Behaviour.NEEDS_AUTHENTICATION,
            "The bank asks the cardholder to confirm this payment.", "DE"),
    VISA_DECLINED("4000000000000002", "Visa", Behaviour.DECLINE, "Your card was declined.", "US"),
    VISA_NO_FUNDS("4000000000009995", "Visa", Behaviour.DECLINE, "Your card has insufficient funds.", "US"),
    /** Saved without a fault, then every charge is declined: Stripe's 4000 0000 0000 0341, for auto top-ups. */
    VISA_DECLINES_WHEN_CHARGED("4000000000000341", "Visa", Behaviour.DECLINE_WHEN_CHARGED, "Your card was declined.",
            "US"),
    /** Pays like any card; issued in Russia, which the default card-country rules refuse for Kenyan accounts. */
    VISA_RUSSIA("4000006430000009", "Visa", Behaviour.SUCCEED, null, "RU"),
    /** Issued in China, also on the default Kenyan list. */
    UNIONPAY_CHINA("6200000000000005", "UnionPay", Behaviour.SUCCEED, null, "CN");

    enum Behaviour { SUCCEED, NEEDS_AUTHENTICATION, DECLINE, DECLINE_WHEN_CHARGED }

    private final String number;
    private final String brand;
    private final Behaviour behaviour;
    private final @Nullable String reason;
    private final String country;

    DemoCard(String number, String brand, Behaviour behaviour, @Nullable String reason, String country) {
        this.number = number;
        this.brand = brand;
        this.behaviour = behaviour;
        this.reason = reason;
        this.country = country;
    }

    /** The issuing country, as a provider reads it from the card's number. */
    String country() {
        return country;
    }

    String number() {
        return number;
    }

    String brand() {
        return brand;
    }

    String last4() {
        return number.substring(number.length() - 4);
    }

    Behaviour behaviour() {
        return behaviour;
    }

    String reason() {
        return reason == null ? "" : reason;
    }

    String spacedNumber() {
        return number.replaceAll("(\\d{4})(?=\\d)", "$1 ");
    }

    /** The cards as the provider's pages offer them: what each does, and where it was issued. */
    static String options(String onSuccess, String onAuthentication, String onSavedThenDeclined) {
        return options(onSuccess, onAuthentication, onSavedThenDeclined, Locale.ENGLISH);
    }

    /** The same for a payment now, where a card that declines when charged declines at once. */
    static String options(String onSuccess, String onAuthentication, Locale language) {
        return options(onSuccess, onAuthentication, null, language);
    }

    /**
     * The test cards for a select; the country named in {@code language}, decline reasons as the bank gives them.
     * {@code onSavedThenDeclined}: how a setup page names the card that saves and then declines; null for a payment.
     */
    private static String options(String onSuccess, String onAuthentication, @Nullable String onSavedThenDeclined,
                                  Locale language) {
        return Arrays.stream(values())
                .map(c -> "<option value=\"%s\">%s</option>".formatted(c.number, HtmlUtils.htmlEscape(
                        "%s %s — %s, issued in %s".formatted(c.brand, c.spacedNumber(), switch (c.behaviour) {
                            case SUCCEED -> onSuccess;
                            case NEEDS_AUTHENTICATION -> onAuthentication;
                            case DECLINE -> c.reason().toLowerCase(Locale.ROOT);
                            case DECLINE_WHEN_CHARGED -> onSavedThenDeclined == null
                                    ? c.reason().toLowerCase(Locale.ROOT) : onSavedThenDeclined;
                        }, Locale.of("", c.country).getDisplayCountry(language)))))
                .collect(Collectors.joining());
    }

    static Optional<DemoCard> byNumber(String number) {
        String digits = number.replaceAll("\\s", "");
        return Arrays.stream(values()).filter(c -> c.number.equals(digits)).findFirst();
    }

    static Optional<DemoCard> byLast4(String last4) {
        return Arrays.stream(values()).filter(c -> c.last4().equals(last4)).findFirst();
    }
}
