package dev.billfold.statement;

import org.jspecify.annotations.Nullable;

/** The statement files Billfold reads (DD-062). */
public enum StatementFormat {
    CAMT_053_001_02("camt.053.001.02"),
    CAMT_053_001_08("camt.053.001.08"),
    CAMT_054_001_02("camt.054.001.02"),
    CAMT_054_001_08("camt.054.001.08"),
    MT940("MT940");

    private final String label;

    StatementFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static @Nullable StatementFormat ofNamespace(String namespace) {
        for (StatementFormat format : values()) {
            if (format != MT940 && namespace.equals("urn:iso:std:iso:20022:tech:xsd:" + format.label)) {
                return format;
            }
        }
        return null;
    }
}
