package dev.billfold.gateway.stripe;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Stripe is on when a secret key is set. {@code @ConditionalOnProperty} would not do: the production profile maps the
 * key to {@code ${STRIPE_SECRET_KEY:}}, which is present but empty when Stripe is not used.
 */
class StripeConfigured implements Condition {

    static final String SECRET_KEY = "billfold.gateway.stripe.secret-key";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return StringUtils.hasText(context.getEnvironment().getProperty(SECRET_KEY));
    }
}
