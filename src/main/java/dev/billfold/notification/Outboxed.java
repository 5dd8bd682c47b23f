package dev.billfold.notification;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the {@code @TransactionalEventListener} methods whose events the publication registry keeps until they
 * complete ({@code spring.modulith.events.registry-trigger-annotation}). Every other after-commit listener in the code
 * runs as before, without a row and without Modulith's completion tracking (DD-066). Public for the webhooks'
 * delivery, which uses the same outbox (DD-075).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Outboxed {
}
