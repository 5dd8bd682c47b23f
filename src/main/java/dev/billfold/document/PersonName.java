package dev.billfold.document;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How an individual's name is compared: case and whitespace do not count, so "IVANOV  Ivan" on a statement matches
 * "Ivanov Ivan" on the power of attorney. All whitespace is dropped, not only doubled spaces, because banks wrap
 * remittance and debtor fields at fixed widths, sometimes inside a word.
 */
final class PersonName {

    private PersonName() {
    }

    static String key(String name) {
        String normalized = Normalizer.normalize(name, Normalizer.Form.NFKC);
        StringBuilder key = new StringBuilder(normalized.length());
        normalized.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(key::appendCodePoint);
        return key.toString().toLowerCase(Locale.ROOT);
    }
}
