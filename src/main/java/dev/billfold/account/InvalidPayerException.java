package dev.billfold.account;

import dev.billfold.base.InvalidRequestException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A payer's details failed one or more rules. Carries every field's message, so the form can show all at once. */
public class InvalidPayerException extends InvalidRequestException {

    private final Map<String, String> problems;

    InvalidPayerException(Map<String, String> problems) {
        super(problems.keySet().iterator().next(), problems.values().iterator().next());
        this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    /** Field name ("type", "legalName", "taxId", "address", "country", "invoiceEmail") to message, in form order. */
    public Map<String, String> problems() {
        return problems;
    }
}
