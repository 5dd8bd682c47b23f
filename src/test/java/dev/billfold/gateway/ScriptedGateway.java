package dev.billfold.gateway;

import dev.billfold.base.Money;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A scriptable provider for the background checks, like Kill Bill's mock plugin: per reference "confirmed",
 * "rejected", "paid" or (by default) still pending; it counts the questions per reference, and can answer after a
 * latency, optionally random, so that concurrent answers come back in random order. One shared instance, so that two
 * application contexts (two nodes) talk to the same provider.
 */
public final class ScriptedGateway implements PaymentGateway {

    public static final String ID = "scripted";
    public static final ScriptedGateway SHARED = new ScriptedGateway();

    private final Map<String, GatewayResult> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> questions = new ConcurrentHashMap<>();
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean randomLatency;
    private volatile boolean down;

    private ScriptedGateway() {
    }

    /** Beans for a test context: the shared instance as one more enabled provider. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        ScriptedGateway scriptedGateway() {
            return SHARED;
        }
    }

    public void reset() {
        answers.clear();
        questions.clear();
        latency = Duration.ZERO;
        randomLatency = false;
        down = false;
    }

    public void confirmSetup(String reference, String token) {
        answers.put(reference, new GatewayResult(GatewayResult.Status.SUCCEEDED, reference, null, null,
                new GatewayResult.SavedMethod(token, "Visa •••• 4242, 12/30", YearMonth.of(2030, 12))));
    }

    public void reject(String reference, String reason) {
        answers.put(reference, GatewayResult.declined(reference, reason));
    }

    public void pay(String reference, Money amount) {
        answers.put(reference, GatewayResult.succeeded(reference, amount, null));
    }

    /** Every answer takes this long; with {@code random}, anything between zero and it. */
    public void latency(Duration latency, boolean random) {
        this.latency = latency;
        this.randomLatency = random;
    }

    /** Every question times out (after the latency). */
    public void down(boolean down) {
        this.down = down;
    }

    public int questions(String reference) {
        AtomicInteger count = questions.get(reference);
        return count == null ? 0 : count.get();
    }

    public Map<String, AtomicInteger> allQuestions() {
        return questions;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Scripted provider";
    }

    @Override
    public boolean supportsSetup() {
        return true;
    }

    @Override
    public CheckoutSession startCheckout(CheckoutRequest request) {
        throw new UnsupportedOperationException("the scripted provider only answers questions");
    }

    @Override
    public GatewayResult chargeSavedMethod(ChargeRequest request) {
        throw new UnsupportedOperationException("the scripted provider only answers questions");
    }

    @Override
    public GatewayResult checkoutResult(String checkoutReference) {
        return answer(checkoutReference, GatewayResult.pending(checkoutReference, "Still processing."));
    }

    @Override
    public GatewayResult setupResult(String setupReference) {
        return answer(setupReference, GatewayResult.pending(setupReference, "The issuer has not confirmed the card yet."));
    }

    @Override
    public boolean detachMethod(String methodToken) {
        return true;
    }

    private GatewayResult answer(String reference, GatewayResult otherwise) {
        questions.computeIfAbsent(reference, r -> new AtomicInteger()).incrementAndGet();
        long nanos = latency.toNanos();
        if (nanos > 0) {
            try {
                Thread.sleep(Duration.ofNanos(randomLatency ? ThreadLocalRandom.current().nextLong(nanos + 1) : nanos));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (down) {
            throw new IllegalStateException("scripted provider: read timed out");
        }
        return answers.getOrDefault(reference, otherwise);
    }
}
