package dev.billfold.hosting;

public enum HostedServiceKind {
    DEDICATED_SERVER("Dedicated server"),
    VPS("VPS"),
    LICENCE("Licence"),
    IP_ADDRESS("IP address");

    private final String label;

    HostedServiceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
