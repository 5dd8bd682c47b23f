package dev.billfold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.account.TextLimits;
import dev.billfold.payment.InvoiceProperties;
import dev.billfold.payment.SellerProperties;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The declared text maxima against the schema the migrations built, read from the database's own
 * information_schema: a migration that changes a column, or a constant that drifts from it, fails here.
 */
abstract class ColumnLimitsContract {

    @Autowired
    JdbcClient jdbc;

    @Test
    void every_declared_text_maximum_is_the_size_of_the_column_it_guards() {
        Map<String, Integer> guards = Map.of(
                "payer.legal_name", TextLimits.LEGAL_NAME,
                "payer.tax_id", TextLimits.TAX_ID,
                "payer.address", TextLimits.ADDRESS,
                "payer.invoice_email", TextLimits.EMAIL,
                "invitation.email", TextLimits.EMAIL,
                "invoice.recipient_name", InvoiceProperties.RECIPIENT_NAME_MAX,
                "invoice.recipient_bank_details", InvoiceProperties.RECIPIENT_BANK_DETAILS_MAX);

        guards.forEach((column, max) -> assertThat(size(column)).as(column).isEqualTo(max));
    }

    @Test
    void the_columns_an_invoice_copies_the_payer_into_hold_what_the_payer_columns_hold() {
        Map<String, Integer> copies = Map.of(
                "invoice.payer_name", TextLimits.LEGAL_NAME,
                "invoice.payer_tax_id", TextLimits.TAX_ID,
                "invoice.payer_address", TextLimits.ADDRESS);

        copies.forEach((column, max) -> assertThat(size(column)).as(column).isGreaterThanOrEqualTo(max));
    }

    @Test
    void every_seller_and_bank_text_an_invoice_copies_fits_the_length_the_configuration_allows() {
        List<String> columns = List.of("seller_legal_name", "seller_address", "seller_registration_number",
                "seller_tax_id", "seller_vat_id", "seller_email", "seller_phone", "seller_tax_name", "bank_holder",
                "bank_name", "bank_iban", "bank_account_number", "bank_bic", "bank_bik", "bank_kbe", "bank_knp");

        columns.forEach(column -> assertThat(size("invoice." + column)).as(column)
                .isEqualTo(SellerProperties.FIELD_MAX));
    }

    /** The column's declared length (varchar(n)), as the database reports it. */
    private int size(String column) {
        String[] parts = column.split("\\.");
        return jdbc.sql("""
                        select character_maximum_length from information_schema.columns
                         where lower(table_schema) = 'public' and lower(table_name) = ? and lower(column_name) = ?""")
                .params(parts[0].toLowerCase(Locale.ROOT), parts[1].toLowerCase(Locale.ROOT))
                .query(Integer.class).single();
    }
}
