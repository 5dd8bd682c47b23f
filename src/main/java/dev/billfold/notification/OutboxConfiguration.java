package dev.billfold.notification;

import java.lang.reflect.Method;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.aopalliance.aop.Advice;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.modulith.events.core.DefaultEventPublicationRegistry;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.support.PersistentApplicationEventMulticaster;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;

/**
 * Spring Modulith's event publication registry, scoped to the {@link Outboxed} listeners (DD-066). Its own
 * auto-configuration ({@code EventPublicationAutoConfiguration}, excluded in application.properties) would track
 * EVERY after-commit listener: each sign-in, method change and renewal order would open two extra transactions and
 * look its event up by its Jackson form, and it would switch on {@code @EnableAsync} for the whole application. Here
 * the registry and its multicaster are the same classes, the multicaster stores only {@link Outboxed} listeners
 * ({@code spring.modulith.events.registry-trigger-annotation}), and the completion advice below applies only to them.
 * The JDBC repository and the Jackson serializer are still Modulith's own auto-configuration.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OutboxProperties.class, CustomerMailProperties.class})
class OutboxConfiguration {

    @Bean
    DefaultEventPublicationRegistry eventPublicationRegistry(EventPublicationRepository repository, Clock clock) {
        return new DefaultEventPublicationRegistry(repository, clock);
    }

    /** Named as the context looks it up; static, because the context asks for it before other beans exist. */
    @Bean
    static PersistentApplicationEventMulticaster applicationEventMulticaster(
            ObjectFactory<EventPublicationRegistry> registry, ObjectFactory<Environment> environment) {
        return new PersistentApplicationEventMulticaster(registry::getObject, environment::getObject);
    }

    /**
     * An infrastructure bean, as Modulith's own advisor is: without an AspectJ weaver on the class path, Spring's
     * auto-proxy creator applies only infrastructure advisors, and a plain one would never mark a publication.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static OutboxCompletionAdvisor outboxCompletionAdvisor(ObjectFactory<EventPublicationRegistry> registry) {
        return new OutboxCompletionAdvisor(registry::getObject);
    }

    /**
     * What Modulith's CompletionRegisteringAdvisor does, for {@link Outboxed} methods only: the publication is marked
     * processing before the listener runs, completed when it (or the future it returns) succeeds, failed otherwise.
     * A failed publication waits for {@link OutboxRetryJob}.
     */
    static final class OutboxCompletionAdvisor extends AbstractPointcutAdvisor {

        private final transient Pointcut pointcut = new AnnotationMatchingPointcut(null, Outboxed.class, true);
        private final transient Advice advice;

        OutboxCompletionAdvisor(Supplier<EventPublicationRegistry> registry) {
            this.advice = new Completion(registry);
            setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        }

        @Override
        public Pointcut getPointcut() {
            return pointcut;
        }

        @Override
        public Advice getAdvice() {
            return advice;
        }
    }

    private record Completion(Supplier<EventPublicationRegistry> registry, Map<Method, String> ids)
            implements MethodInterceptor {

        Completion(Supplier<EventPublicationRegistry> registry) {
            this(registry, new ConcurrentHashMap<>());
        }

        @Override
        public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
            Object event = invocation.getArguments()[0];
            var target = PublicationTargetIdentifier.of(ids.computeIfAbsent(invocation.getMethod(), Completion::idOf));
            registry.get().markProcessing(event, target);
            Object result;
            try {
                result = invocation.proceed();
            } catch (Throwable failed) {
                registry.get().markFailed(event, target);
                throw failed;
            }
            if (result instanceof CompletableFuture<?> future) {
                return future.whenComplete((done, failed) -> {
                    if (failed == null) {
                        registry.get().markCompleted(event, target);
                    } else {
                        registry.get().markFailed(event, target);
                    }
                });
            }
            registry.get().markCompleted(event, target);
            return result;
        }

        /** The listener id the multicaster stored the publication under. */
        private static String idOf(Method method) {
            return new TransactionalApplicationListenerMethodAdapter("outbox", method.getDeclaringClass(), method)
                    .getListenerId();
        }
    }
}
