package dev.billfold.gateway.stripe;

import com.stripe.StripeClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** The SDK client, with our own timeouts and retries rather than the SDK's defaults. */
@Configuration(proxyBeanMethods = false)
@Conditional(StripeConfigured.class)
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
