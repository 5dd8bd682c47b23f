package dev.billfold.gateway.mpesa;

import dev.billfold.gateway.ConditionalOnProvider;
import java.net.http.HttpClient;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** M-Pesa's beans exist only when a consumer key is configured, so the registry never lists one that cannot work. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProvider(MpesaProperties.CONSUMER_KEY)
class MpesaConfiguration {

    @Bean
    MpesaGateway mpesaGateway(MpesaProperties properties, MpesaPushStore pushes, Clock clock) {
        require(properties.consumerSecret(), "consumer-secret");
        require(properties.shortcode(), "shortcode");
        require(properties.passkey(), "passkey");
        require(properties.callbackBaseUrl(), "callback-base-url");
        // No redirects: a token or a password is never sent anywhere but Daraja.
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return new MpesaGateway(new DarajaClient(http, properties, clock), pushes, properties);
    }

    @Bean
    MpesaPushStore mpesaPushStore(JdbcClient jdbc, Clock clock) {
        return new MpesaPushStore(jdbc, clock);
    }

    private static void require(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    "billfold.gateway.mpesa." + name + " must be set when M-Pesa is switched on");
        }
    }
}
