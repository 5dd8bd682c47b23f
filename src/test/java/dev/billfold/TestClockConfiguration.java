package dev.billfold;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The one test clock: the application's {@code Clock} bean, replaced by a {@link MutableClock} that tests inject to
 * set and move time. {@link BillfoldTest} and {@link BillfoldPostgresTest} import it, and reset it before each test
 * ({@link Reset}), so that a test starts on real time whatever the test before it did with the clock.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }

    /** Before each test, before its own {@code @BeforeEach} methods: the clock follows the system clock again. */
    public static final class Reset implements BeforeEachCallback {

        @Override
        public void beforeEach(ExtensionContext context) {
            var spring = SpringExtension.getApplicationContext(context);
            spring.getBean(MutableClock.class).reset();
            // Every context's start makes its own (Vaadin-aware) strategy the JVM-wide one. A test on a context that
            // started earlier puts that context's back: its security filters were built with it, and would not see
            // what a filter or test writes to SecurityContextHolder otherwise (every request a 401).
            spring.getBeanProvider(SecurityContextHolderStrategy.class)
                    .ifUnique(SecurityContextHolder::setContextHolderStrategy);
        }
    }
}
