package dev.billfold.account;

import java.math.BigInteger;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An account's human number: seven digits from a sequence and two ISO 7064 MOD 97-10 check digits (the IBAN scheme),
 * so every mistyped digit and every swap of two digits is caught (DD-059). The migration computes the same in SQL.
 */
public final class AccountNumber {

    private static final Pattern NINE_DIGITS = Pattern.compile("[1-9][0-9]{8}");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private AccountNumber() {
    }

    /** The number for a sequence value (1000000 to 9999999). */
    public static String of(long base) {
        if (base < 1_000_000 || base > 9_999_999) {
            throw new IllegalArgumentException("An account number base has seven digits: " + base);
        }
        long check = 98 - Math.floorMod(base * 100, 97);
        return Long.toString(base * 100 + check);
    }

    /** Whether {@code text} is a well-formed account number whose check digits fit. */
    public static boolean isValid(@Nullable String text) {
        return text != null && NINE_DIGITS.matcher(text).matches()
                && new BigInteger(text).mod(NINETY_SEVEN).intValue() == 1;
    }
}
