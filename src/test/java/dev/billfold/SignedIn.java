package dev.billfold;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A fresh customer for each test in this {@link TestData.Customer} field, signed in: {@link TestData#newCustomer}
 * (an account with its owner, a person and a company payer) and {@link TestData#signIn}, before the test class's own
 * {@code @BeforeEach} methods, and {@link TestData#signOut} after the test. One such field per test class; the test
 * may sign in someone else on top, and is signed out after it all the same.
 *
 * <pre>{@code
 * @SignedIn
 * Customer customer;
 * }</pre>
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(SignedInExtension.class)
public @interface SignedIn {

    /** The account's currency. */
    String currency() default "USD";

    /** The customer's role in the account. */
    String role() default "OWNER";

    /** The account's country (ISO 3166 alpha-2); none when empty. */
    String country() default "";
}
