package dev.billfold.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.PostgresTestConfig;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.PaymentDocuments;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.payment.TopUpService;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Invoices per second through the service (issue 20): {@link PaymentDocuments#invoice} as the history page's download
 * calls it, on PostgreSQL, for a signed-in owner: the access check, the payment and its invoice read, the layout with
 * the seller and bank account as issued, and the PDF/A-2b conversion. One thread; prints the figure, never fails on
 * time. Run: {@code ./mvnw -o test -Dtest=InvoiceServiceBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dbench.seconds=20} on a quiet machine.
 */
@SpringBootTest(properties = "logging.level.dev.billfold=WARN")
@Import(PostgresTestConfig.class)
class InvoiceServiceBenchmark {

    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int WARM_UP = 200;

    @Autowired
    TopUpService topUps;
    @Autowired
    PaymentDocuments documents;
    @Autowired
    TestData data;

    @Test
    void invoices_per_second_through_the_service() {
        Customer customer = data.newCustomer("USD");
        TestData.signIn(customer.username());
        try {
            PaymentId invoice = ((TopUpOutcome.Completed) topUps.topUp(new TopUpRequest(customer.company(),
                    "250.00", new MethodChoice.Invoice(), false, UUID.randomUUID().toString()))).paymentId();
            long bytes = 0;
            for (int i = 0; i < WARM_UP; i++) {
                bytes = documents.invoice(invoice).pdf().length;
            }
            long start = System.nanoTime();
            long end = start + SECONDS * 1_000_000_000L;
            int rendered = 0;
            while (System.nanoTime() < end) {
                assertThat(documents.invoice(invoice).pdf()).isNotEmpty();
                rendered++;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("invoices through the service: %d in %.1f s = %.0f per second on one thread, %d bytes "
                    + "each%n", rendered, seconds, rendered / seconds, bytes);
        } finally {
            TestData.signOut();
        }
    }
}
