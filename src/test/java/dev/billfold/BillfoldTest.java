package dev.billfold;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A Spring test of the whole application on the embedded default database (H2), with the shared test clock
 * ({@link TestClockConfiguration}). The test properties every context shares (background jobs off) are in
 * src/test/resources/config/application.properties.
 *
 * <p>Classes with the same attributes and the same extra configuration share one application context. Most tests use
 * the plain annotation; a test that needs more (a real port and the local providers, {@code WithLocalProviders}) says
 * so, and shares its context with the other tests that say the same.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest
@Import(TestClockConfiguration.class)
@ExtendWith(TestClockConfiguration.Reset.class)
public @interface BillfoldTest {

    @AliasFor(annotation = SpringBootTest.class, attribute = "webEnvironment")
    SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.MOCK;

    /** Properties of this test's own context only; a test with properties of its own gets a context of its own. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};
}
