package dev.billfold.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** docs/security.md, items 1 and 7: the production profile, the demo, and the providers' test-only API addresses. */
class ProductionSafetyTest {

    private static final String SHOWROOM = "billfold.showroom=true";

    private final ApplicationContextRunner production = new ApplicationContextRunner()
            .withPropertyValues("spring.profiles.active=production")
            .withUserConfiguration(ProductionSafety.class);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "billfold.gateway.demo.enabled=true | the demo provider (billfold.gateway.demo.enabled)",
            "billfold.demo.enabled=true | the demo sign-in (billfold.demo.enabled)",
            "spring.flyway.locations=classpath:db/migration,classpath:db/demo | the demo data (spring.flyway.locations has db/demo)"})
    void production_refuses_to_start_with_any_part_of_the_demo_on(String demo, String named) {
        production.withPropertyValues(demo).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).isInstanceOf(UnsafeConfigurationException.class)
                    .hasMessage("Refused to start: the production profile has " + named
                            + " on, which would let real customers pay with test cards.");
        });
    }

    @Test
    void production_names_every_part_of_the_demo_that_is_on_in_one_line() {
        production.withPropertyValues("billfold.gateway.demo.enabled=yes", "billfold.demo.enabled=true").run(context ->
                assertThat(context.getStartupFailure()).hasMessage("Refused to start: the production profile has the "
                        + "demo provider (billfold.gateway.demo.enabled), the demo sign-in (billfold.demo.enabled) on, "
                        + "which would let real customers pay with test cards."));
    }

    @Test
    void an_explicit_showroom_starts_with_the_whole_demo_and_test_credentials() {
        production.withPropertyValues(SHOWROOM, "billfold.gateway.demo.enabled=true", "billfold.demo.enabled=true",
                        "spring.flyway.locations=classpath:db/migration,classpath:db/demo",
                        "billfold.gateway.stripe.secret-key=sk_test_51abc", "billfold.gateway.paypal.client-id=sandbox-id",
                        "billfold.gateway.paypal.environment=SANDBOX")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "billfold.gateway.stripe.secret-key=sk_live_51abc | billfold.gateway.paypal.client-id= | a live Stripe key (billfold.gateway.stripe.secret-key)",
            "billfold.gateway.stripe.secret-key=rk_live_51abc | billfold.gateway.paypal.client-id= | a live Stripe key (billfold.gateway.stripe.secret-key)",
            "billfold.gateway.paypal.environment=production | billfold.gateway.paypal.client-id=live-id | PayPal PRODUCTION credentials (billfold.gateway.paypal.environment)"})
    void a_showroom_refuses_live_credentials(String credential, String payPalClient, String named) {
        production.withPropertyValues(SHOWROOM, "billfold.gateway.demo.enabled=true", credential, payPalClient)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).hasMessage("Refused to start: a showroom "
                            + "(billfold.showroom=true) has " + named + ", which would mix demo money with real money.");
                });
    }

    @Test
    void production_without_the_demo_starts_with_live_credentials() {
        production.withPropertyValues("billfold.gateway.demo.enabled=false", "billfold.demo.enabled=false",
                        "spring.flyway.locations=classpath:db/migration", "billfold.gateway.stripe.secret-key=sk_live_51abc",
                        "billfold.gateway.paypal.client-id=live-id", "billfold.gateway.paypal.environment=PRODUCTION")
                .run(context -> assertThat(context).hasNotFailed());
    }

    // --- item 7: the test-only API addresses ---

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "billfold.gateway.stripe.api-base=https://stripe.example.net | Stripe's API calls to stripe.example.net (billfold.gateway.stripe.api-base) instead of Stripe, which would hand the Stripe secret key",
            "billfold.gateway.stripe.api-base=http://localhost:12111 | Stripe's API calls to localhost (billfold.gateway.stripe.api-base) instead of Stripe, which would hand the Stripe secret key",
            "billfold.gateway.paypal.api-base-url=http://127.0.0.1:8089 | PayPal's API calls to 127.0.0.1 (billfold.gateway.paypal.api-base-url) instead of PayPal, which would hand the PayPal client secret",
            "billfold.gateway.paypal.api-base-url=https://api-m.paypal.com | PayPal's API calls to api-m.paypal.com (billfold.gateway.paypal.api-base-url) instead of PayPal, which would hand the PayPal client secret"})
    void production_refuses_any_test_api_address_even_on_this_machine(String address, String named) {
        production.withPropertyValues(address).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).isInstanceOf(UnsafeConfigurationException.class)
                    .hasMessage("Refused to start: the production profile sends " + named + " to that host.");
        });
    }

    @Test
    void production_starts_with_stripes_own_api_address_spelled_out() {
        production.withPropertyValues("billfold.gateway.stripe.api-base=https://api.stripe.com/",
                        "billfold.gateway.paypal.api-base-url= ")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @ParameterizedTest
    @CsvSource({"http://localhost:12111", "http://127.0.0.1:12111", "http://[::1]:12111", "HTTP://LOCALHOST:8089/"})
    void a_showroom_starts_with_both_providers_pointed_at_fakes_on_this_machine(String fake) {
        production.withPropertyValues(SHOWROOM, "billfold.gateway.stripe.api-base=" + fake,
                        "billfold.gateway.paypal.api-base-url=" + fake)
                .run(context -> assertThat(context).hasNotFailed());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "billfold.gateway.stripe.api-base=http://10.0.0.5:12111 | Stripe's API calls to 10.0.0.5",
            "billfold.gateway.stripe.api-base=http://localhost.example.net | Stripe's API calls to localhost.example.net",
            "billfold.gateway.paypal.api-base-url=http://paypal-fake:8089 | PayPal's API calls to paypal-fake",
            "billfold.gateway.paypal.api-base-url=localhost:8089 | PayPal's API calls to an address without a host"})
    void a_showroom_refuses_a_test_api_address_on_another_host(String address, String named) {
        production.withPropertyValues(SHOWROOM, address).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).isInstanceOf(UnsafeConfigurationException.class)
                    .hasMessageStartingWith("Refused to start: the production profile sends " + named + " (");
        });
    }

    @Test
    void the_refusal_names_the_host_and_never_a_password_in_the_address() {
        production.withPropertyValues("billfold.gateway.stripe.api-base=https://user:hunter2@stripe.example.net/v1")
                .run(context -> {
                    var failure = (UnsafeConfigurationException) context.getStartupFailure();
                    assertThat(failure.getMessage()).contains("to stripe.example.net (").doesNotContain("hunter2");
                    assertThat(failure.action()).isEqualTo("Remove billfold.gateway.stripe.api-base, so that the "
                            + "calls go to Stripe; only a showroom (billfold.showroom=true) may point it at a local fake "
                            + "on localhost, 127.0.0.1 or [::1].");
                });
    }

    @Test
    void the_embedded_default_is_not_checked() {
        new ApplicationContextRunner().withUserConfiguration(ProductionSafety.class)
                .withPropertyValues("billfold.gateway.demo.enabled=true", "billfold.demo.enabled=true",
                        "billfold.gateway.stripe.api-base=http://localhost:12111",
                        "billfold.gateway.paypal.api-base-url=http://localhost:8089")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void the_start_up_failure_is_one_line_of_what_and_one_of_what_to_do() {
        production.withPropertyValues("billfold.gateway.demo.enabled=true").run(context -> {
            var failure = (UnsafeConfigurationException) context.getStartupFailure();
            FailureAnalysis analysis = new UnsafeConfigurationFailureAnalyzer().analyze(failure);
            assertThat(analysis.getDescription()).isEqualTo(failure.getMessage()).doesNotContain("\n");
            assertThat(analysis.getAction()).contains("billfold.showroom=true").doesNotContain("\n");
        });
    }
}
