package dev.billfold.security;

import dev.billfold.base.ui.Showroom;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

/**
 * The production profile refuses to start with the demo provider, the demo sign-in or the demo data on, unless it is
 * an explicit showroom ({@link Showroom#PROPERTY}); and a showroom refuses live Stripe or PayPal credentials, so demo
 * money and real money never meet (docs/security.md, item 1). It also refuses the test-only API addresses that point
 * Stripe's or PayPal's SDK at a local fake, except in a showroom and on this machine, so that no stray property sends
 * the credentials to another host (item 7). A bean factory post-processor runs before any bean is made, so the check
 * comes before Flyway could write the demo data into a real database, and before any SDK client exists.
 */
@Configuration(proxyBeanMethods = false)
@Profile("production")
class ProductionSafety {

    static final String DEMO_PROVIDER = "billfold.gateway.demo.enabled";
    static final String DEMO_SIGN_IN = "billfold.demo.enabled";
    static final String MIGRATIONS = "spring.flyway.locations";
    static final String STRIPE_KEY = "billfold.gateway.stripe.secret-key";
    static final String PAYPAL_CLIENT = "billfold.gateway.paypal.client-id";
    static final String PAYPAL_ENVIRONMENT = "billfold.gateway.paypal.environment";
    static final String STRIPE_API_BASE = "billfold.gateway.stripe.api-base";
    static final String PAYPAL_API_BASE = "billfold.gateway.paypal.api-base-url";
    /** Stripe's API, the default of {@link #STRIPE_API_BASE}; PayPal's SDK picks its host by environment. */
    static final String STRIPE_API = "https://api.stripe.com";
    private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "[::1]");

    @Bean
    static BeanFactoryPostProcessor productionSafetyCheck(Environment environment) {
        return beanFactory -> check(environment);
    }

    static void check(PropertyResolver environment) {
        List<String> demo = new ArrayList<>();
        if (providerOn(environment.getProperty(DEMO_PROVIDER))) {
            demo.add("the demo provider (" + DEMO_PROVIDER + ")");
        }
        if (isOn(environment.getProperty(DEMO_SIGN_IN))) {
            demo.add("the demo sign-in (" + DEMO_SIGN_IN + ")");
        }
        if (environment.getProperty(MIGRATIONS, "").contains("db/demo")) {
            demo.add("the demo data (" + MIGRATIONS + " has db/demo)");
        }
        boolean showroom = isOn(environment.getProperty(Showroom.PROPERTY));
        if (!demo.isEmpty() && !showroom) {
            throw new UnsafeConfigurationException("Refused to start: the production profile has "
                    + String.join(", ", demo) + " on, which would let real customers pay with test cards.",
                    "Switch the demo off for real customers, or set " + Showroom.PROPERTY
                            + "=true (BILLFOLD_SHOWROOM) for a showroom that holds no live credentials.");
        }
        String live = liveCredentials(environment);
        if (showroom && live != null) {
            throw new UnsafeConfigurationException("Refused to start: a showroom (" + Showroom.PROPERTY
                    + "=true) has " + live + ", which would mix demo money with real money.",
                    "Use test credentials in a showroom, or switch " + Showroom.PROPERTY + " off for real customers.");
        }
        String stripeBase = environment.getProperty(STRIPE_API_BASE, "").trim().replaceAll("/+$", "");
        if (!stripeBase.isEmpty() && !stripeBase.equalsIgnoreCase(STRIPE_API)) {
            refuseUnlessLocalShowroom(stripeBase, showroom, "Stripe", STRIPE_API_BASE, "secret key");
        }
        String payPalBase = environment.getProperty(PAYPAL_API_BASE, "").trim();
        if (!payPalBase.isEmpty()) {
            refuseUnlessLocalShowroom(payPalBase, showroom, "PayPal", PAYPAL_API_BASE, "client secret");
        }
    }

    /**
     * An API address other than the provider's own is a test setting: a showroom may point it at a fake on this
     * machine, and nothing else may point it anywhere. Only the host is named, as the address may carry a password.
     */
    private static void refuseUnlessLocalShowroom(String address, boolean showroom, String provider, String property,
                                                  String secret) {
        String host = host(address);
        if (showroom && host != null && LOOPBACK.contains(host)) {
            return;
        }
        throw new UnsafeConfigurationException("Refused to start: the production profile sends " + provider
                + "'s API calls to " + (host == null ? "an address without a host" : host) + " (" + property
                + ") instead of " + provider + ", which would hand the " + provider + " " + secret + " to that host.",
                "Remove " + property + ", so that the calls go to " + provider + "; only a showroom ("
                        + Showroom.PROPERTY + "=true) may point it at a local fake on localhost, 127.0.0.1 or [::1].");
    }

    private static @Nullable String host(String address) {
        try {
            URI uri = new URI(address);
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return web && uri.getHost() != null ? uri.getHost().toLowerCase(Locale.ROOT) : null;
        } catch (URISyntaxException unreadable) {
            return null;
        }
    }

    private static @Nullable String liveCredentials(PropertyResolver environment) {
        String stripeKey = environment.getProperty(STRIPE_KEY, "").trim();
        if (stripeKey.startsWith("sk_live_") || stripeKey.startsWith("rk_live_")) {
            return "a live Stripe key (" + STRIPE_KEY + ")";
        }
        boolean payPal = StringUtils.hasText(environment.getProperty(PAYPAL_CLIENT));
        if (payPal && "PRODUCTION".equals(environment.getProperty(PAYPAL_ENVIRONMENT, "").trim()
                .toUpperCase(Locale.ROOT))) {
            return "PayPal PRODUCTION credentials (" + PAYPAL_ENVIRONMENT + ")";
        }
        return null;
    }

    /** As {@code @ConditionalOnProvider} switches a provider on: any text but "false". */
    private static boolean providerOn(@Nullable String value) {
        return StringUtils.hasText(value) && !value.trim().equalsIgnoreCase("false");
    }

    private static boolean isOn(@Nullable String value) {
        return value != null && value.trim().equalsIgnoreCase("true");
    }
}
