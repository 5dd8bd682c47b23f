package dev.billfold.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.BillfoldTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Without the demo users and without an OIDC registration (a misconfigured production; ProductionOidcOnlyTest has the
 * configured one) there is no user store at all: no generated "user" with a password in the log. Its own
 * in-memory database: the shared one already holds the demo migration, which this context does not know.
 */
@BillfoldTest(properties = {"billfold.demo.enabled=false", "spring.flyway.locations=classpath:db/migration",
        "spring.datasource.url=jdbc:h2:mem:without-demo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"})
class ProductionSignInTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    SignInOptions options;

    @Test
    void no_local_user_store_and_no_demo_hint_when_the_demo_is_off() {
        assertThat(context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
        assertThat(options.formSignIn()).isFalse();
        assertThat(options.demoUsers()).isFalse();
        assertThat(options.providers()).isEmpty();
    }
}
