package dev.billfold.language;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.BillfoldTest;
import dev.billfold.SignedIn;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.security.UserSignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

@BillfoldTest
class LanguageServiceTest {

    @SignedIn
    Customer customer;
    @Autowired
    LanguageService languages;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_choice_is_kept_for_the_user_and_replaces_the_earlier_one() {
        assertThat(languages.mine()).isEmpty();
        assertThat(languages.forMailTo(customer.userId())).isEqualTo(Language.EN);

        assertThat(languages.choose(Language.RU)).isTrue();
        assertThat(languages.choose(Language.KK)).isTrue();

        assertThat(languages.mine()).contains(Language.KK);
        assertThat(languages.forMailTo(customer.userId())).isEqualTo(Language.KK);
        assertThat(jdbc.sql("select count(*) from user_language where user_id = ?").param(customer.userId().value())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void the_claim_seeds_a_first_language_but_never_replaces_a_choice() {
        events.publishEvent(new UserSignedIn(customer.userId(), null, false, "uz-Latn-UZ"));
        assertThat(languages.mine()).contains(Language.UZ);

        languages.choose(Language.SW);
        events.publishEvent(new UserSignedIn(customer.userId(), null, false, "ru"));

        assertThat(languages.mine()).contains(Language.SW);
    }

    @Test
    void signed_out_nothing_is_stored() {
        TestData.signOut();

        assertThat(languages.choose(Language.RU)).isFalse();
        assertThat(languages.mine()).isEmpty();
        assertThat(jdbc.sql("select count(*) from user_language where user_id = ?").param(customer.userId().value())
                .query(Integer.class).single()).isZero();
    }
}
