package dev.billfold.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InvoicePropertiesTest {

    @Test
    void issuer_texts_longer_than_the_invoice_columns_stop_the_start_instead_of_every_invoice() {
        assertThat(new InvoiceProperties("n".repeat(200), "b".repeat(1000), 10).recipientName()).hasSize(200);

        assertThatThrownBy(() -> new InvoiceProperties("n".repeat(201), "Bank", 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("billfold.invoice.recipient-name has 201 characters; an invoice holds at most 200");
        assertThatThrownBy(() -> new InvoiceProperties("Billfold Inc.", "b".repeat(1001), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("billfold.invoice.recipient-bank-details has 1001 characters; an invoice holds at most 1000");
    }
}
