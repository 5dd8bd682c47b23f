package dev.billfold.gateway;

import dev.billfold.base.InvalidRequestException;
import java.util.regex.Pattern;

/**
 * A Kenyan mobile number as M-Pesa takes it: 2547XXXXXXXX or 2541XXXXXXXX. Typed as 07XX.., 01XX.., +2547.. or
 * 2547.., with spaces or dashes between the digits.
 */
public record KenyanPhone(String digits) {

    /** The refusal in English, as errors.phone.kenyan has it: for the API and the tests. */
    public static final String INVALID = "Enter a Kenyan mobile number, for example 0712 345 678 or +254 712 345 678.";

    private static final Pattern NORMALISED = Pattern.compile("254[17]\\d{8}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().]");
    private static final int MAX_TYPED = 32;

    public KenyanPhone {
        if (!NORMALISED.matcher(digits).matches()) {
            throw new IllegalArgumentException("Not a normalised Kenyan mobile number");
        }
    }

    /** The number the customer typed, normalised; anything else is refused on the "phone" field. */
    public static KenyanPhone parse(String typed) {
        if (typed.length() > MAX_TYPED) {
            throw InvalidRequestException.keyed("phone", "errors.phone.kenyan");
        }
        String compact = SEPARATORS.matcher(typed.strip()).replaceAll("");
        String digits;
        if (compact.startsWith("+254")) {
            digits = compact.substring(1);
        } else if (compact.startsWith("254")) {
            digits = compact;
        } else if (compact.startsWith("0")) {
            digits = "254" + compact.substring(1);
        } else {
            throw InvalidRequestException.keyed("phone", "errors.phone.kenyan");
        }
        if (!NORMALISED.matcher(digits).matches()) {
            throw InvalidRequestException.keyed("phone", "errors.phone.kenyan");
        }
        return new KenyanPhone(digits);
    }

    /** For the customer's eyes: the last three digits only, as on a receipt. */
    public String masked() {
        return "+254 \u2022\u2022\u2022 \u2022\u2022\u2022 " + digits.substring(digits.length() - 3);
    }
}
