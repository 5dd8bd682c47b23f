package dev.billfold.notification;

/**
 * Where a mail is. QUEUED → SENDING (claimed by one node until its lease runs out) → SENT, or back to QUEUED after a
 * failed attempt; FAILED after the last attempt. LOGGED: mail is switched off here, so it was logged instead.
 */
public enum MailStatus {
    QUEUED("Queued"),
    SENDING("Sending"),
    SENT("Sent"),
    LOGGED("Not sent: mail is switched off"),
    FAILED("Failed");

    private final String label;

    MailStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Nothing more will be tried for it. */
    boolean isFinal() {
        return this == SENT || this == LOGGED || this == FAILED;
    }
}
