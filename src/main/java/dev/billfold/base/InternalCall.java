package dev.billfold.base;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A public service method that runs without a signed-in user on purpose, and therefore checks no access: it is called
 * inside another service's transaction (settlement, webhooks) or right after sign-in. The access test lists every
 * such method and fails when one appears that nobody meant.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface InternalCall {

    /** Why this method may skip the access check, and who calls it. */
    String value();
}
