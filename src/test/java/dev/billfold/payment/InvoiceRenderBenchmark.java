package dev.billfold.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.base.Money;
import dev.billfold.payment.SellerProperties.BankAccount;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Invoices laid out per second on one thread: the EUR invoice with its EPC QR code, as {@link PaymentDocuments}
 * renders it after reading the payment (the database read is not in the figure). Prints the figure, never fails on
 * time. Run: {@code ./mvnw -Pbench test -Dtest=InvoiceRenderBenchmark -Dbench.seconds=20} on a quiet machine.
 */
class InvoiceRenderBenchmark {

    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);

    @Test
    void invoices_rendered_per_second() {
        var seller = SellerPropertiesTest.seller(19.0, "DE", List.of(new BankAccount("Seller GmbH", "Commerzbank",
                "DE89370400440532013000", null, "COBADEFFXXX", null, null, null, List.of("EUR"))));
        Money amount = Money.of("100.00", "EUR");
        for (int i = 0; i < 50; i++) {
            InvoicePdfTest.pdf(seller, "Client SARL", "FR40303265045", amount);
        }
        long bytes = 0;
        int count = 0;
        long start = System.nanoTime();
        long end = start + SECONDS * 1_000_000_000L;
        while (System.nanoTime() < end) {
            bytes += InvoicePdfTest.pdf(seller, "Client SARL", "FR40303265045", amount).length;
            count++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("invoices rendered: %d in %.1f s = %.0f per second on one thread, %d bytes each%n",
                count, seconds, count / seconds, bytes / Math.max(count, 1));
        assertThat(count).isPositive();
    }
}
