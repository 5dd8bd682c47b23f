package dev.billfold.account;

/**
 * The longest text each of the account forms' fields takes: the size of the column it is stored in (V1 and V5
 * migrations; {@code ColumnLimitsContract} checks them against the schema). The services refuse anything longer
 * with a message; the forms set the same maximum so that the browser stops the typing there. Java counts UTF-16
 * units and the database characters, so a limit here is never looser than the column.
 */
public final class TextLimits {

    /** {@code payer.legal_name} */
    public static final int LEGAL_NAME = 200;
    /** {@code payer.tax_id} */
    public static final int TAX_ID = 50;
    /** {@code payer.address} */
    public static final int ADDRESS = 500;
    /** {@code payer.invoice_email} and {@code invitation.email}; also the longest address mail allows (RFC 3696). */
    public static final int EMAIL = 320;

    private TextLimits() {
    }
}
