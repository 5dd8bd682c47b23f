package dev.billfold.paymentmethod;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.MutableClock;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.gateway.GatewayRegistry;
import dev.billfold.gateway.demo.DemoCustomer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The same card saved twice is kept once (issue 21, DD-100), recognised by the provider's fingerprint (the demo's
 * test card): the second setup says "This card is already saved", its copy is detached at the provider, and a copy
 * with a later expiry renews the kept entry instead, whose older copy is detached.
 */
abstract class DuplicateCardsContract {

    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @Autowired
    PaymentMethodService methods;
    @Autowired
    GatewayRegistry gateways;
    @Autowired
    MutableClock clock;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    Customer customer;
    DemoCustomer demo;

    @BeforeEach
    void aCustomer() {
        clock.set(NOW);
        customer = data.newCustomer("USD");
        demo = new DemoCustomer(gateways);
        TestData.signIn(customer.username());
    }

    @AfterEach
    void signOut() {
        TestData.signOut();
    }

    @Test
    void the_same_card_saved_again_is_refused_with_a_message_kept_once_and_its_copy_detached() {
        var first = save();
        assertThat(first.status()).isEqualTo(PaymentMethodStatus.CONFIRMED);
        String kept = token(first.methodId());

        var second = save();

        assertThat(second.status()).isEqualTo(PaymentMethodStatus.FAILED);
        assertThat(second.failureReason()).isEqualTo("This card is already saved.");
        assertThat(methods.methods(customer.person())).singleElement().satisfies(item -> {
            assertThat(item.id()).isEqualTo(first.methodId());
            assertThat(item.isDefault()).isTrue();
        });
        assertThat(token(first.methodId())).isEqualTo(kept);
        assertThat(demo.cardDetached(kept)).isFalse();
        assertThat(secondCopyTokens()).singleElement().satisfies(copy -> assertThat(demo.cardDetached(copy))
                .as("the provider drops the copy that is not kept").isTrue());
        assertThat(tokenOf(second.methodId())).as("forgotten once detached").isNull();
    }

    @Test
    void a_copy_with_a_later_expiry_renews_the_kept_entry_and_its_older_copy_is_detached() {
        var first = save();
        String older = token(first.methodId());
        var before = methods.methods(customer.person()).getFirst();

        clock.set(NOW.plus(Duration.ofDays(400)));
        var second = save();

        assertThat(second.status()).isEqualTo(PaymentMethodStatus.FAILED);
        assertThat(second.failureReason()).isEqualTo("This card is already saved. Its new expiry replaces the old one.");
        List<MethodListItem> listed = methods.methods(customer.person());
        assertThat(listed).singleElement().satisfies(item -> {
            assertThat(item.id()).isEqualTo(first.methodId());
            assertThat(item.expiresOn()).isAfter(before.expiresOn());
            assertThat(item.label()).isNotEqualTo(before.label()).startsWith("Visa •••• 4242");
            assertThat(item.status()).isEqualTo(PaymentMethodStatus.CONFIRMED);
            assertThat(item.isDefault()).isTrue();
        });
        String newer = token(first.methodId());
        assertThat(newer).isNotEqualTo(older);
        assertThat(demo.cardDetached(newer)).isFalse();
        assertThat(demo.cardDetached(older)).as("the older copy is dropped at the provider").isTrue();
    }

    @Test
    void another_card_is_a_second_entry() {
        save();
        var setup = methods.startSetup(customer.person(), "demo");
        demo.saveDecliningCard(setupReference(setup.methodId()));
        methods.checkSetup(setup.methodId());

        assertThat(methods.methods(customer.person())).hasSize(2);
    }

    private PaymentMethodService.SetupStatus save() {
        var setup = methods.startSetup(customer.person(), "demo");
        demo.saveCard(setupReference(setup.methodId()));
        return methods.checkSetup(setup.methodId());
    }

    private String setupReference(PaymentMethodId id) {
        return jdbc.sql("select setup_reference from payment_method where id = ?").param(id.value())
                .query(String.class).single();
    }

    private String token(PaymentMethodId id) {
        String token = tokenOf(id);
        assertThat(token).isNotNull();
        return token;
    }

    private @Nullable String tokenOf(PaymentMethodId id) {
        return jdbc.sql("select provider_token from payment_method where id = ?").param(id.value())
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).single().orElse(null);
    }

    /** The demo's cards of this payer's setups that no method here names any more. */
    private List<String> secondCopyTokens() {
        return jdbc.sql("""
                        select s.card_token from demo_setup s join payment_method m on m.setup_reference = s.id
                         where m.payer_id = ? and s.card_token not in (
                           select provider_token from payment_method where provider_token is not null)""")
                .param(customer.person().value()).query(String.class).list();
    }
}
