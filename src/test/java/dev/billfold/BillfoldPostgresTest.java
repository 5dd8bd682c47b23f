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
 * A Spring test of the whole application on a real PostgreSQL ({@link PostgresTestConfig}, one embedded server per
 * test JVM), with the shared test clock ({@link TestClockConfiguration}) and the shared test properties, as
 * {@link BillfoldTest} has them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest
@Import({PostgresTestConfig.class, TestClockConfiguration.class})
@ExtendWith(TestClockConfiguration.Reset.class)
public @interface BillfoldPostgresTest {

    @AliasFor(annotation = SpringBootTest.class, attribute = "webEnvironment")
    SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.MOCK;

    /** Properties of this test's own context only; a test with properties of its own gets a context of its own. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};
}
