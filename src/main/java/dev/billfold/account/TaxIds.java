package dev.billfold.account;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Format checks for tax ids, by the payer's country (see DD-018). EU VAT numbers follow the formats the European
 * Commission publishes for VIES; Kazakhstan's BIN/IIN (12 digits, with its check digit) and Uzbekistan's INN (9 digits)
 * are checked too. Elsewhere only the characters and the length are checked: we do not know every country's format,
 * and a wrong "no" would lock a real customer out.
 */
final class TaxIds {

    /** VAT number after the prefix, per payer country. Greece uses the prefix EL. */
    private static final Map<String, Vat> EU_VAT = Map.ofEntries(
            vat("AT", "ATU", "U\\d{8}", "U and 8 digits", "ATU12345678"),
            vat("BE", "BE", "[01]\\d{9}", "10 digits starting with 0 or 1", "BE0123456789"),
            vat("BG", "BG", "\\d{9,10}", "9 or 10 digits", "BG123456789"),
            vat("CY", "CY", "\\d{8}[A-Z]", "8 digits and a letter", "CY12345678X"),
            vat("CZ", "CZ", "\\d{8,10}", "8 to 10 digits", "CZ12345678"),
            vat("DE", "DE", "\\d{9}", "9 digits", "DE123456789"),
            vat("DK", "DK", "\\d{8}", "8 digits", "DK12345678"),
            vat("EE", "EE", "\\d{9}", "9 digits", "EE123456789"),
            vat("ES", "ES", "[A-Z0-9]\\d{7}[A-Z0-9]", "a letter or digit, 7 digits and a letter or digit",
                    "ESX1234567X"),
            vat("FI", "FI", "\\d{8}", "8 digits", "FI12345678"),
            vat("FR", "FR", "[A-HJ-NP-Z0-9]{2}\\d{9}", "2 letters or digits and 9 digits", "FR12345678901"),
            vat("GR", "EL", "\\d{9}", "9 digits", "EL123456789"),
            vat("HR", "HR", "\\d{11}", "11 digits", "HR12345678901"),
            vat("HU", "HU", "\\d{8}", "8 digits", "HU12345678"),
            vat("IE", "IE", "\\d{7}[A-W][A-I]?|\\d[A-Z+*]\\d{5}[A-W]", "7 digits and one or two letters",
                    "IE1234567WA"),
            vat("IT", "IT", "\\d{11}", "11 digits", "IT12345678901"),
            vat("LT", "LT", "\\d{9}|\\d{12}", "9 or 12 digits", "LT123456789"),
            vat("LU", "LU", "\\d{8}", "8 digits", "LU12345678"),
            vat("LV", "LV", "\\d{11}", "11 digits", "LV12345678901"),
            vat("MT", "MT", "\\d{8}", "8 digits", "MT12345678"),
            vat("NL", "NL", "\\d{9}B\\d{2}", "9 digits, B and 2 digits", "NL123456789B01"),
            vat("PL", "PL", "\\d{10}", "10 digits", "PL1234567890"),
            vat("PT", "PT", "\\d{9}", "9 digits", "PT123456789"),
            vat("RO", "RO", "\\d{2,10}", "2 to 10 digits", "RO1234567890"),
            vat("SE", "SE", "\\d{10}01", "12 digits ending in 01", "SE123456789001"),
            vat("SI", "SI", "\\d{8}", "8 digits", "SI12345678"),
            vat("SK", "SK", "\\d{10}", "10 digits", "SK1234567890"));

    /** Non-Union OSS numbers, issued to businesses outside the EU that sell into it: EU and nine digits. */
    private static final Pattern EU_OSS = Pattern.compile("EU\\d{9}");
    private static final Pattern ANY = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ./-]*");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.-]");

    private TaxIds() {
    }

    /** What the form says under the tax id field for this country, or empty when we check no format there. */
    static Optional<String> hint(String country) {
        Vat vat = EU_VAT.get(country);
        if (vat != null) {
            return Optional.of("VAT number with the %s prefix, e.g. %s, or a national registration number"
                    .formatted(vat.prefix, vat.example));
        }
        return switch (country) {
            case "KZ" -> Optional.of("BIN (organisations) or IIN (individuals): 12 digits");
            case "UZ" -> Optional.of("INN: 9 digits");
            default -> Optional.empty();
        };
    }

    /**
     * The tax id as we store it, or a customer-facing reason why it is not one. Country-specific ids are stored
     * without spaces, dots and dashes and in capitals, so that equal ids compare equal.
     */
    static Result check(String raw, String country) {
        String trimmed = raw.strip();
        if (trimmed.length() > TextLimits.TAX_ID) {
            return Result.invalid("A tax id has at most %d characters.".formatted(TextLimits.TAX_ID));
        }
        String compact = SEPARATORS.matcher(trimmed).replaceAll("").toUpperCase(Locale.ROOT);
        if (EU_OSS.matcher(compact).matches()) {
            return Result.valid(compact);
        }
        Vat vat = EU_VAT.get(country);
        if (vat != null && compact.startsWith(vat.prefix.substring(0, 2))) {
            return vat.format.matcher(compact.substring(2)).matches() ? Result.valid(compact)
                    : Result.invalid("That is not a valid %s VAT number: it is %s followed by %s, e.g. %s."
                            .formatted(country, vat.prefix.substring(0, 2), vat.shape(), vat.example));
        }
        switch (country) {
            case "KZ" -> {
                if (!compact.matches("\\d{12}")) {
                    return Result.invalid("A Kazakh BIN or IIN has exactly 12 digits.");
                }
                return kazakhCheckDigitMatches(compact) ? Result.valid(compact)
                        : Result.invalid("That BIN or IIN does not add up (its last digit is a check digit); "
                                + "check it for a typo.");
            }
            case "UZ" -> {
                return compact.matches("\\d{9}") ? Result.valid(compact)
                        : Result.invalid("An Uzbek INN has exactly 9 digits.");
            }
            default -> {
                return ANY.matcher(trimmed).matches() ? Result.valid(trimmed)
                        : Result.invalid("A tax id has only letters, digits, spaces, dots, dashes and slashes.");
            }
        }
    }

    /**
     * Kazakhstan's BIN/IIN control digit: the first eleven digits weighted 1..11, modulo 11; if that gives 10, again
     * with weights 3..11,1,2; a second 10 means the number is never issued.
     */
    static boolean kazakhCheckDigitMatches(String twelveDigits) {
        int[] digits = twelveDigits.chars().map(c -> c - '0').toArray();
        int check = weighted(digits, 1);
        if (check == 10) {
            check = weighted(digits, 3);
            if (check == 10) {
                return false;
            }
        }
        return check == digits[11];
    }

    private static int weighted(int[] digits, int firstWeight) {
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            int weight = (firstWeight + i - 1) % 11 + 1;
            sum += digits[i] * weight;
        }
        return sum % 11;
    }

    private static Map.Entry<String, Vat> vat(String country, String prefix, String afterTwoLetters, String shape,
                                              String example) {
        return Map.entry(country, new Vat(prefix, Pattern.compile(afterTwoLetters), shape, example));
    }

    private record Vat(String prefix, Pattern format, String shape, String example) {
    }

    record Result(String value, String problem) {
        static Result valid(String value) {
            return new Result(value, "");
        }

        static Result invalid(String problem) {
            return new Result("", problem);
        }

        boolean isValid() {
            return problem.isEmpty();
        }
    }
}
