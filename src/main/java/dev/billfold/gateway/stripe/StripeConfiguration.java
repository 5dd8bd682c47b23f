package dev.billfold.gateway.stripe;

import com.stripe.StripeClient;
import dev.billfold.gateway.ConditionalOnProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SDK client, with our own timeouts and retries rather than the SDK's defaults. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProvider(StripeGatewayProperties.SECRET_KEY)
class StripeConfiguration {

    @Bean
    StripeClient stripeClient(StripeGatewayProperties properties) {
        properties.requireComplete();
        return StripeClient.builder()
                .setApiKey(properties.secretKey())
                .setApiBase(properties.apiBase())
                .setConnectTimeout(Math.toIntExact(properties.connectTimeout().toMillis()))
                .setReadTimeout(Math.toIntExact(properties.readTimeout().toMillis()))
                .setMaxNetworkRetries(properties.maxNetworkRetries())
                .build();
    }
}
