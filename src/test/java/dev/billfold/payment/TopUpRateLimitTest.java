package dev.billfold.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.BillfoldTest;
import dev.billfold.MutableClock;
import dev.billfold.SignedIn;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.ratelimit.RateLimitExceededException;
import dev.billfold.ratelimit.RateLimitProperties;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Starting top-ups is rate limited per user and per account with the configured defaults (DD-056): past either limit
 * a start is refused with a message, before any payment row, invoice number or provider session exists.
 */
@BillfoldTest
class TopUpRateLimitTest {

    @Autowired
    TopUpService topUps;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RateLimitProperties limits;
    @Autowired
    MutableClock clock;

    @SignedIn
    Customer customer;

    @Test
    void a_user_past_the_limit_is_refused_and_nothing_is_created_or_sent_to_the_provider() {
        int capacity = limits.limit(TopUpService.STARTS_PER_USER).capacity();
        for (int i = 0; i < capacity; i++) {
            topUps.topUp(invoice());
        }
        int payments = data.payments(customer.accountId());
        int invoices = invoicesIssued();

        assertThatThrownBy(() -> topUps.topUp(checkout()))
                .isInstanceOf(RateLimitExceededException.class)
                .hasMessageStartingWith("You have started many top-ups in a short time, so this one was not started. "
                        + "Nothing was charged. Please try again in ")
                .satisfies(refused -> assertThat(((RateLimitExceededException) refused).retryAfter())
                        .isPositive().isLessThanOrEqualTo(limits.limit(TopUpService.STARTS_PER_USER).interval()));
        assertThatThrownBy(() -> topUps.topUp(invoice())).isInstanceOf(RateLimitExceededException.class);

        assertThat(data.payments(customer.accountId())).isEqualTo(payments);
        assertThat(invoicesIssued()).as("no invoice (and no invoice number) was issued").isEqualTo(invoices);
        assertThat(demoCheckoutsOf(customer)).as("the provider was not asked for a checkout").isZero();
    }

    @Test
    void the_account_limit_holds_for_all_its_members_together() {
        int perUser = limits.limit(TopUpService.STARTS_PER_USER).capacity();
        int perAccount = limits.limit(TopUpService.STARTS_PER_ACCOUNT).capacity();
        int started = 0;
        while (started < perAccount) {
            TestData.signIn(data.addMember(customer.accountId(), "BILLING"));
            for (int i = 0; i < perUser && started < perAccount; i++, started++) {
                topUps.topUp(invoice());
            }
        }
        TestData.signIn(data.addMember(customer.accountId(), "BILLING"));

        assertThatThrownBy(() -> topUps.topUp(checkout()))
                .isInstanceOf(RateLimitExceededException.class)
                .hasMessageStartingWith("Many top-ups were started in this account in a short time, so this one was "
                        + "not started. Nothing was charged. Please try again in ");
        assertThat(data.payments(customer.accountId())).isEqualTo(perAccount);
        assertThat(demoCheckoutsOf(customer)).isZero();

        // Another account is not held up by this one.
        Customer other = data.newCustomer("USD");
        TestData.signIn(other.username());
        assertThat(topUps.topUp(checkout(other))).isInstanceOf(TopUpOutcome.RedirectToProvider.class);
    }

    @Test
    void a_repeated_submit_counts_nothing_and_a_used_allowance_comes_back_with_time() {
        clock.set(clock.instant());
        int capacity = limits.limit(TopUpService.STARTS_PER_USER).capacity();
        TopUpRequest last = null;
        for (int i = 0; i < capacity; i++) {
            last = invoice();
            topUps.topUp(last);
        }
        // A double click on the last one replays its payment; it is not a new start.
        var replayed = (TopUpOutcome.Completed) topUps.topUp(last);
        assertThat(data.payments(customer.accountId())).isEqualTo(capacity);
        assertThat(replayed.paymentId()).isNotNull();
        assertThatThrownBy(() -> topUps.topUp(invoice())).isInstanceOf(RateLimitExceededException.class);

        clock.advance(limits.limit(TopUpService.STARTS_PER_USER).interval().plus(Duration.ofSeconds(1)));
        assertThat(topUps.topUp(checkout())).isInstanceOf(TopUpOutcome.RedirectToProvider.class);
        assertThatThrownBy(() -> topUps.topUp(invoice())).isInstanceOf(RateLimitExceededException.class);
    }

    TopUpRequest invoice() {
        return new TopUpRequest(customer.person(), "10", new MethodChoice.Invoice(), false, UUID.randomUUID().toString());
    }

    TopUpRequest checkout() {
        return checkout(customer);
    }

    static TopUpRequest checkout(Customer who) {
        return new TopUpRequest(who.person(), "25", new MethodChoice.Checkout("demo"), false,
                UUID.randomUUID().toString());
    }

    int invoicesIssued() {
        return jdbc.sql("select count(*) from invoice").query(Integer.class).single();
    }

    int demoCheckoutsOf(Customer who) {
        return jdbc.sql("select count(*) from demo_checkout where description like ?")
                .param("%" + who.username() + "%").query(Integer.class).single();
    }
}
