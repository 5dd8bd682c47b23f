package dev.billfold.gateway;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * The one way a provider's beans are switched on: by the property that names its configuration, which is on when it
 * has text other than {@code false}. For the demo provider that is its flag; for Stripe and PayPal the credential
 * without which they cannot work. {@code @ConditionalOnProperty} alone would not do: the production profile maps every
 * credential to an environment placeholder such as {@code ${STRIPE_SECRET_KEY:}}, present but empty when unused.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Conditional(OnProviderCondition.class)
public @interface ConditionalOnProvider {

    /** The switching property, e.g. {@code billfold.gateway.stripe.secret-key}. */
    String value();

    /** False for a bean that exists only while the provider is off, e.g. the 404 for its switched-off pages. */
    boolean switchedOn() default true;
}
