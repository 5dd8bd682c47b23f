package dev.billfold.gateway.paypal;

import com.paypal.sdk.Environment;
import com.paypal.sdk.PaypalServerSdkClient;
import com.paypal.sdk.authentication.ClientCredentialsAuthModel;
import dev.billfold.gateway.ConditionalOnProvider;
import java.time.Clock;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * PayPal's beans exist only when a client id is configured, so the registry never lists a PayPal that cannot work.
 * The SDK gets our own OkHttp client: our timeouts, no silent retries (a retry must be ours, with the same
 * PayPal-Request-Id), and for tests a host rewrite, because the SDK knows only PayPal's two fixed hosts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProvider(PayPalProperties.CLIENT_ID)
class PayPalConfiguration {

    /** The profile in which no setting may widen the webhook certificate hosts (docs/security.md, item 4). */
    static final String PRODUCTION_PROFILE = "production";

    @Bean
    OkHttpClient payPalHttpClient(PayPalProperties properties) {
        require(properties.clientSecret(), "client-secret");
        require(properties.webhookId(), "webhook-id");
        require(properties.publicUrl(), "public-url");
        var builder = new OkHttpClient.Builder()
                .connectTimeout(properties.connectTimeout())
                .readTimeout(properties.readTimeout())
                .writeTimeout(properties.readTimeout())
                .callTimeout(properties.connectTimeout().plus(properties.readTimeout()).multipliedBy(2))
                .retryOnConnectionFailure(false)
                .followRedirects(false);
        if (properties.apiBaseUrl() != null && !properties.apiBaseUrl().isBlank()) {
            HttpUrl base = HttpUrl.get(properties.apiBaseUrl());
            builder.addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                    .url(chain.request().url().newBuilder().scheme(base.scheme()).host(base.host()).port(base.port())
                            .build())
                    .build()));
        }
        return builder.build();
    }

    @Bean
    PaypalServerSdkClient payPalSdkClient(PayPalProperties properties, OkHttpClient payPalHttpClient) {
        return new PaypalServerSdkClient.Builder()
                .environment(Environment.valueOf(properties.environment().trim().toUpperCase(Locale.ROOT)))
                .clientCredentialsAuth(new ClientCredentialsAuthModel.Builder(properties.clientId(),
                        properties.clientSecret()).build())
                .httpClientConfig(config -> config.numberOfRetries(0).httpClientInstance(payPalHttpClient, false))
                .build();
    }

    @Bean
    PayPalReversals payPalReversals(PaypalServerSdkClient client) {
        return new PayPalReversals(client);
    }

    @Bean
    PayPalGateway payPalGateway(PaypalServerSdkClient client, PayPalProperties properties,
                                PayPalReversals reversals) {
        return new PayPalGateway(client, properties, reversals);
    }

    @Bean
    PayPalWebhookVerifier payPalWebhookVerifier(PaypalServerSdkClient client, OkHttpClient payPalHttpClient,
                                                PayPalProperties properties) {
        return new PayPalWebhookVerifier(client, payPalHttpClient, properties);
    }

    @Bean
    PayPalWebhookChecks payPalWebhookChecks(PayPalProperties properties, Clock clock,
                                            ConfigurableEnvironment environment) {
        return PayPalWebhookChecks.of(properties, environment.matchesProfiles(PRODUCTION_PROFILE), clock);
    }

    @Bean
    InFlightBound payPalWebhookVerifications(PayPalProperties properties) {
        return new InFlightBound(properties.webhookVerificationsInFlight());
    }

    @Bean
    PayPalEventLog payPalEventLog(JdbcClient jdbc, Clock clock, PayPalProperties properties,
                                  PlatformTransactionManager transactionManager) {
        return new PayPalEventLog(jdbc, clock, properties.webhookClaimLease(), transactionManager);
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    "billfold.gateway.paypal." + name + " must be set when PayPal is switched on");
        }
    }
}
