package dev.billfold.payment;

import java.math.BigInteger;
import java.util.regex.Pattern;

/** IBAN checks (ISO 13616: mod 97 of the rearranged digits is 1) and the printed form in groups of four. */
final class Iban {

    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private Iban() {
    }

    static boolean valid(String iban) {
        if (!SHAPE.matcher(iban).matches()) {
            return false;
        }
        var digits = new StringBuilder();
        (iban.substring(4) + iban.substring(0, 4)).chars()
                .forEach(c -> digits.append(Character.isDigit(c) ? String.valueOf((char) c) : c - 'A' + 10));
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).equals(BigInteger.ONE);
    }

    static String grouped(String iban) {
        return iban.replaceAll("(.{4})(?!$)", "$1 ");
    }
}
