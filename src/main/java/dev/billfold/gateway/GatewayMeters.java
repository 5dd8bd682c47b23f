package dev.billfold.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;

/**
 * Every call to a provider, timed (DD-084): {@code billfold.provider.calls} per provider, operation (the gateway
 * method: startCheckout, chargeResult, refund, ...) and outcome: {@code ok}, {@code unknown} (the provider could not
 * be asked or gave no answer, {@link GatewayResult.Status#UNKNOWN}) or {@code error} (it threw). Every caller gets its
 * gateway from {@link GatewayRegistry}, which hands out these proxies, and a capability asked of a proxy is the same
 * proxy, so the checkout, the poller, refunds and the reconcilers are all measured in this one place.
 */
final class GatewayMeters {

    static final String CALLS = "billfold.provider.calls";

    /** Not calls to the provider: what the gateway says about itself. */
    private static final Set<String> LOCAL = Set.of("id", "displayName", "supports", "as", "chargeReplayWindow",
            "checkoutLabel", "phoneMethodName", "takesPhonePayments", "offersHostedCheckout", "checkAmount",
            "dailyMaximum", "equals", "hashCode", "toString");

    private GatewayMeters() {
    }

    static PaymentGateway metered(PaymentGateway gateway, MeterRegistry registry) {
        Class<?>[] interfaces = ClassUtils.getAllInterfacesForClassAsSet(gateway.getClass()).stream()
                .filter(type -> type.getName().startsWith("dev.billfold.")).toArray(Class<?>[]::new);
        InvocationHandler handler = new Handler(gateway, registry);
        return (PaymentGateway) Proxy.newProxyInstance(GatewayMeters.class.getClassLoader(), interfaces, handler);
    }

    private record Handler(PaymentGateway target, MeterRegistry registry) implements InvocationHandler {

        @Override
        public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
            if (method.getName().equals("as") && args != null && args[0] instanceof Class<?> capability) {
                // The provider decides whether it has the capability (it may say no at run time); when it does,
                // the proxy is the answer, so that those calls are timed too. Its own class gets the provider.
                Optional<?> answer = target.as(capability.asSubclass(PaymentGateway.class));
                return answer.isPresent() && capability.isInstance(proxy) ? Optional.of(proxy) : answer;
            }
            if (LOCAL.contains(method.getName())) {
                return call(method, args);
            }
            long start = System.nanoTime();
            String outcome = "error";
            try {
                Object answer = call(method, args);
                GatewayResult result = answer instanceof PhonePayments.PhonePush push ? push.result()
                        : answer instanceof GatewayResult plain ? plain : null;
                outcome = result != null && result.status() == GatewayResult.Status.UNKNOWN ? "unknown" : "ok";
                return answer;
            } finally {
                Timer.builder(CALLS).tags("provider", target.id(), "operation", method.getName(), "outcome", outcome)
                        .register(registry).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        }

        private @Nullable Object call(Method method, @Nullable Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException thrown) {
                throw thrown.getCause();
            }
        }
    }
}
