package dev.billfold.notification;

/** What a mail carries. */
public enum MailKind {
    INVOICE("Invoice"),
    INVOICE_AGAIN("Invoice, sent again"),
    RECEIPT("Receipt"),
    REFUND_RECEIPT("Refund receipt");

    private final String label;

    MailKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
