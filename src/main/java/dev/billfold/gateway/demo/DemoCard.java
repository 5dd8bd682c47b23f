package dev.billfold.gateway.demo;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Test cards of the demo provider, numbered like the big providers' test cards so support staff recognise them. */
enum DemoCard {
    VISA_OK("4242424242424242", "Visa", Behaviour.SUCCEED, null),
    MASTERCARD_OK("5555555555554444", "Mastercard", Behaviour.SUCCEED, null),
    VISA_AUTHENTICATION("4000002760003184", "Visa", Behaviour.NEEDS_AUTHENTICATION,
            "The bank asks the cardholder to confirm this payment."),
    VISA_DECLINED("4000000000000002", "Visa", Behaviour.DECLINE, "Your card was declined."),
    VISA_NO_FUNDS("4000000000009995", "Visa", Behaviour.DECLINE, "Your card has insufficient funds.");

    enum Behaviour { SUCCEED, NEEDS_AUTHENTICATION, DECLINE }

    private final String number;
    private final String brand;
    private final Behaviour behaviour;
    private final @Nullable String reason;

    DemoCard(String number, String brand, Behaviour behaviour, @Nullable String reason) {
        this.number = number;
        this.brand = brand;
        this.behaviour = behaviour;
        this.reason = reason;
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

    static Optional<DemoCard> byNumber(String number) {
        String digits = number.replaceAll("\\s", "");
        return Arrays.stream(values()).filter(c -> c.number.equals(digits)).findFirst();
    }

    static Optional<DemoCard> byLast4(String last4) {
        return Arrays.stream(values()).filter(c -> c.last4().equals(last4)).findFirst();
    }
}
