package dev.billfold.paymentmethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billfold.BillfoldTest;
import dev.billfold.SignedIn;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.base.InvalidRequestException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The methods page's service calls that the page's buttons hide from those who may not use them. */
@BillfoldTest
class PaymentMethodServiceTest {

    @Autowired
    PaymentMethodService methods;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    @SignedIn
    Customer customer;
    PaymentMethodId card;

    @BeforeEach
    void aCard() {
        card = data.savedCard(customer, customer.person(), "4242", true);
    }

    @Test
    void a_viewer_can_list_but_not_remove_or_change_the_default_and_nothing_changes() {
        PaymentMethodId other = data.savedCard(customer, customer.person(), "4444", false);
        TestData.signIn(data.addMember(customer.accountId(), "VIEWER"));

        assertThat(methods.methods(customer.person())).hasSize(2);
        assertThat(methods.mayManage()).isFalse();
        assertThatThrownBy(() -> methods.remove(card)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("We could not find that payment method.");
        assertThatThrownBy(() -> methods.makeDefault(other)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("We could not find that payment method.");
        assertThat(status(card)).isEqualTo("CONFIRMED");
        assertThat(isDefault(card)).isTrue();
        assertThat(isDefault(other)).isFalse();
    }

    @Test
    void only_a_confirmed_method_can_be_made_default_or_removed() {
        UUID pending = UUID.randomUUID();
        jdbc.sql("""
                        insert into payment_method (id, account_id, payer_id, provider, provider_token, label, status,
                          is_default, created_at, setup_reference, version)
                        values (?, ?, ?, 'demo', null, 'New card (waiting for confirmation)', 'PENDING', false, current_timestamp, 'seti_x', 0)""")
                .params(pending, customer.accountId().value(), customer.person().value()).update();

        assertThatThrownBy(() -> methods.makeDefault(new PaymentMethodId(pending))).isInstanceOf(InvalidRequestException.class)
                .hasMessage("Only a confirmed payment method can be the default; this one is pending.");
        assertThatThrownBy(() -> methods.remove(new PaymentMethodId(pending))).isInstanceOf(InvalidRequestException.class)
                .hasMessage("Only a confirmed payment method can be removed; this one is pending.");
        assertThat(status(new PaymentMethodId(pending))).isEqualTo("PENDING");
        assertThat(isDefault(card)).isTrue();
    }

    @Test
    void removing_twice_is_refused_the_second_time_and_the_method_stays_removed_once() {
        methods.remove(card);
        assertThatThrownBy(() -> methods.remove(card)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("Only a confirmed payment method can be removed; this one is removed.");
        assertThat(status(card)).isEqualTo("REMOVED");
        assertThat(methods.methods(customer.person())).isEmpty();
        assertThat(methods.chargeableMethods(customer.person())).isEmpty();
    }

    private String status(PaymentMethodId id) {
        return jdbc.sql("select status from payment_method where id = ?").param(id.value()).query(String.class).single();
    }

    private boolean isDefault(PaymentMethodId id) {
        return jdbc.sql("select is_default from payment_method where id = ?").param(id.value()).query(Boolean.class).single();
    }
}
