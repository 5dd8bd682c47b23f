package dev.billfold.gateway;

import dev.billfold.gateway.mpesa.DarajaFake;
import dev.billfold.gateway.paypal.PayPalFake;
import dev.billfold.gateway.stripe.StripeFake;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Every provider switched on against its local stand-in: Stripe's API at {@link StripeFake}, PayPal's at
 * {@link PayPalFake#shared()}, Daraja's at {@link DarajaFake#shared()} (all WireMock, one server per test JVM), and
 * the {@link ScriptedGateway}. Their settings are on {@link WithLocalProviders}; only the fakes' ports are known here,
 * once they have started.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(ScriptedGateway.Config.class)
public class LocalProviders {

    @Bean
    static DynamicPropertyRegistrar localProviderUrls() {
        return registry -> {
            registry.add("billfold.gateway.stripe.api-base", StripeFake::baseUrl);
            registry.add("billfold.gateway.paypal.api-base-url", () -> PayPalFake.shared().baseUrl());
            registry.add("billfold.gateway.mpesa.base-url", () -> DarajaFake.shared().baseUrl());
        };
    }
}
