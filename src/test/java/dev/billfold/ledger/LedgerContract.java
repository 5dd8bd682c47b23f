package dev.billfold.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.base.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The ledger's own guarantees, below the payment flows. Runs on H2 and PostgreSQL. */
abstract class LedgerContract {

    @Autowired
    Ledger ledger;
    @Autowired
    TestData data;
    @Autowired
    TransactionTemplate transaction;

    Customer customer;

    @BeforeEach
    void newCustomer() {
        customer = data.newCustomer("USD");
    }

    @Test
    void an_entry_moves_the_cached_balance_in_the_same_transaction() {
        transaction.executeWithoutResult(tx -> ledger.post(customer.accountId(), Money.of("12.34", "USD"),
                LedgerEntryKind.TOP_UP, "payment:one"  + customer.accountId().value()));
        transaction.executeWithoutResult(tx -> ledger.post(customer.accountId(), Money.of("-2.34", "USD"),
                LedgerEntryKind.CHARGE, "renewal:one" + customer.accountId().value()));

        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("10.00");
        assertThat(ledger.isConsistent(customer.accountId())).isTrue();
    }

    @Test
    void a_second_entry_for_the_same_cause_fails_and_rolls_back_everything_it_touched() {
        String cause = "payment:dup-" + customer.accountId().value();
        transaction.executeWithoutResult(tx -> ledger.post(customer.accountId(), Money.of("5.00", "USD"), LedgerEntryKind.TOP_UP, cause));

        assertThatThrownBy(() -> transaction.executeWithoutResult(tx ->
                ledger.post(customer.accountId(), Money.of("5.00", "USD"), LedgerEntryKind.TOP_UP, cause)))
                .isInstanceOf(DuplicateKeyException.class);

        assertThat(data.ledgerEntries(customer.accountId())).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("5.00");
        assertThat(ledger.isConsistent(customer.accountId())).isTrue();
    }

    @Test
    void posting_outside_a_transaction_is_refused() {
        assertThatThrownBy(() -> ledger.post(customer.accountId(), Money.of("1.00", "USD"), LedgerEntryKind.TOP_UP, "payment:x"))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    @Test
    void entries_with_the_wrong_sign_for_their_kind_are_refused() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(tx -> ledger.post(customer.accountId(),
                Money.of("-1.00", "USD"), LedgerEntryKind.TOP_UP, "payment:neg")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> transaction.executeWithoutResult(tx -> ledger.post(customer.accountId(),
                Money.of("1.00", "USD"), LedgerEntryKind.CHARGE, "renewal:pos")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    @Test
    void the_current_users_balance_is_read_from_their_account() {
        transaction.executeWithoutResult(tx -> ledger.post(customer.accountId(), Money.of("7.00", "USD"),
                LedgerEntryKind.TOP_UP, "payment:bal-" + customer.accountId().value()));
        TestData.signIn(customer.username());
        try {
            assertThat(ledger.currentBalance()).isEqualTo(Money.of("7.00", "USD"));
            Customer stranger = data.newCustomer("USD");
            assertThatThrownBy(() -> ledger.balance(stranger.accountId()))
                    .isInstanceOf(dev.billfold.base.InvalidRequestException.class);
        } finally {
            TestData.signOut();
        }
    }

    // --- a balance below zero (DD-069) ---

    @Test
    void a_charge_that_would_take_the_balance_below_zero_is_refused_and_rolls_back() {
        transaction.executeWithoutResult(tx -> ledger.post(customer.accountId(), Money.of("5.00", "USD"),
                LedgerEntryKind.TOP_UP, "payment:low-" + customer.accountId().value()));

        assertThatThrownBy(() -> transaction.executeWithoutResult(tx -> ledger.post(customer.accountId(),
                Money.of("-5.01", "USD"), LedgerEntryKind.CHARGE, "renewal:over-" + customer.accountId().value())))
                .isInstanceOf(IllegalStateException.class);

        assertThat(data.ledgerEntries(customer.accountId())).isEqualTo(1);
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("5.00");
        assertThat(ledger.negativeSince(customer.accountId())).isEmpty();
    }

    @Test
    void a_refund_may_take_the_balance_below_zero_and_since_when_is_kept_until_it_is_back() {
        String id = customer.accountId().value().toString();
        transaction.executeWithoutResult(tx -> ledger.post(customer.accountId(), Money.of("5.00", "USD"),
                LedgerEntryKind.TOP_UP, "payment:neg-" + id));
        transaction.executeWithoutResult(tx -> ledger.post(customer.accountId(), Money.of("-8.00", "USD"),
                LedgerEntryKind.REFUND, "refund:demo:re-" + id));
        var since = ledger.negativeSince(customer.accountId());
        assertThat(since).isPresent();
        transaction.executeWithoutResult(tx -> ledger.post(customer.accountId(), Money.of("-1.00", "USD"),
                LedgerEntryKind.DISPUTE, "dispute:demo:dp-" + id));
        assertThat(ledger.negativeSince(customer.accountId())).as("the first moment below zero is kept")
                .isEqualTo(since);
        assertThat(ledger.negativeSince(since.get().plusSeconds(1), 1000)).contains(customer.accountId());

        transaction.executeWithoutResult(tx -> ledger.post(customer.accountId(), Money.of("4.00", "USD"),
                LedgerEntryKind.TOP_UP, "payment:back-" + id));

        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("0.00");
        assertThat(ledger.negativeSince(customer.accountId())).as("zero is not below zero").isEmpty();
        assertThat(ledger.isConsistent(customer.accountId())).isTrue();
    }
}
