package dev.billfold.security;

/** A configuration that the production profile refuses to start with; the message says in one line what and why. */
class UnsafeConfigurationException extends IllegalStateException {

    private final String action;

    UnsafeConfigurationException(String message, String action) {
        super(message);
        this.action = action;
    }

    String action() {
        return action;
    }
}
