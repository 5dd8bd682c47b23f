package dev.billfold.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.AtOnce;
import dev.billfold.SignedIn;
import dev.billfold.TestData.Customer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invoice numbers without gaps, per year (issue 20, DD-095): consecutive through the service, given back by a
 * rollback, distinct and contiguous when taken at once, and a year's counter continuing after its highest invoice.
 */
abstract class InvoiceNumbersContract {

    @Autowired
    TopUpService topUps;
    @Autowired
    InvoiceStore invoices;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    @SignedIn
    Customer customer;

    @Test
    void invoices_issued_one_after_another_get_consecutive_numbers() {
        List<Long> numbers = List.of(issueInvoice(), issueInvoice(), issueInvoice());

        assertThat(numbers.get(1)).isEqualTo(numbers.get(0) + 1);
        assertThat(numbers.get(2)).isEqualTo(numbers.get(1) + 1);
    }

    @Test
    void a_number_taken_in_a_transaction_that_rolls_back_is_given_to_the_next_invoice() {
        int year = 2091;
        var transaction = new TransactionTemplate(transactionManager);
        long first = Objects.requireNonNull(transaction.execute(status -> invoices.nextNumber(year)));

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            invoices.nextNumber(year);
            throw new IllegalStateException("the invoice's transaction fails after taking its number");
        })).isInstanceOf(IllegalStateException.class);

        Long next = transaction.execute(status -> invoices.nextNumber(year));
        assertThat(next).isEqualTo(first + 1);
    }

    @Test
    void numbers_taken_at_once_are_distinct_and_leave_no_gap() throws Exception {
        int year = 2092;
        var transaction = new TransactionTemplate(transactionManager);
        List<Long> numbers = AtOnce.run(8, i -> transaction.execute(status -> invoices.nextNumber(year)));

        assertThat(numbers).doesNotHaveDuplicates();
        assertThat(numbers.stream().mapToLong(Long::longValue).max().orElseThrow()
                - numbers.stream().mapToLong(Long::longValue).min().orElseThrow()).isEqualTo(7);
    }

    @Test
    void a_year_without_a_counter_continues_after_its_highest_invoice() {
        long highest = issueInvoice();
        int year = LocalDate.now(ZoneOffset.UTC).getYear();
        jdbc.sql("delete from invoice_number_counter where invoice_year = ?").param(year).update();

        assertThat(issueInvoice()).isEqualTo(highest + 1);
    }

    /** An invoice top-up through the service; its number's running part. */
    private long issueInvoice() {
        var outcome = (TopUpOutcome.Completed) topUps.topUp(new TopUpRequest(customer.person(), "10",
                new MethodChoice.Invoice(), false, UUID.randomUUID().toString()));
        String number = jdbc.sql("select number from invoice where payment_id = ?").param(outcome.paymentId().value())
                .query(String.class).single();
        assertThat(number).matches("INV-\\d{4}-\\d{6}");
        return Long.parseLong(number.substring(9));
    }
}
