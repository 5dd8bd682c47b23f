package dev.billfold.base;

import org.jspecify.annotations.Nullable;

/** A secret in text for people (a record's toString, a log line) says whether it is set, never what it is. */
public final class Secrets {

    public static final String REDACTED = "****";
    public static final String NOT_SET = "(not set)";

    private Secrets() {
    }

    public static String redact(@Nullable String secret) {
        return secret == null || secret.isBlank() ? NOT_SET : REDACTED;
    }
}
