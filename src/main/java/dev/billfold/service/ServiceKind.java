package dev.billfold.service;

public enum ServiceKind {
    DEDICATED_SERVER("Dedicated server"),
    VPS("VPS"),
    LICENCE("Licence"),
    IP_ADDRESS("IP address");

    private final String label;

    ServiceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
