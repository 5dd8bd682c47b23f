package dev.billfold.security;

import dev.billfold.base.ui.Showroom;
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
 * money and real money never meet (docs/security.md, item 1). A bean factory post-processor runs before any bean is
 * made, so the check comes before Flyway could write the demo data into a real database.
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
