package dev.billfold.gateway;

import java.util.Map;
import java.util.Objects;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** {@link ConditionalOnProvider}: on when the switching property has text, and that text is not "false". */
class OnProviderCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnProvider.class.getName());
        String property = (String) Objects.requireNonNull(attributes).get("value");
        String value = context.getEnvironment().getProperty(property);
        boolean on = StringUtils.hasText(value) && !"false".equalsIgnoreCase(value.trim());
        return on == (Boolean) attributes.get("switchedOn");
    }
}
