package dev.billfold.gateway;

import dev.billfold.base.Money;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A scriptable provider for the background checks, like Kill Bill's mock plugin: per reference "confirmed",
 * "rejected", "paid" or (by default) still pending, and per idempotency key what an off-session charge did (by default
 * its answer is lost); it counts the questions per reference, and can answer after a
 * latency, optionally random, so that concurrent answers come back in random order. One shared instance, so that two
 * application contexts (two nodes) talk to the same provider.
 */
public final class ScriptedGateway implements ChargeLookup, ChargeCancellation, MethodSetup {

    public static final String ID = "scripted";
    public static final ScriptedGateway SHARED = new ScriptedGateway();

    private final Map<String, GatewayResult> answers = new ConcurrentHashMap<>();
    private final Map<String, GatewayResult> chargeAnswers = new ConcurrentHashMap<>();
    private final List<ChargeRequest> chargesSent = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> questions = new ConcurrentHashMap<>();
    private volatile Duration replayWindow = Duration.ofHours(24);
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean randomLatency;
    private volatile boolean down;
    private volatile boolean cancels;
    private final Map<String, GatewayResult> cancelAnswers = new ConcurrentHashMap<>();
    private final List<String> cancelKeys = new CopyOnWriteArrayList<>();

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
        chargeAnswers.clear();
        chargesSent.clear();
        replayWindow = Duration.ofHours(24);
        questions.clear();
        latency = Duration.ZERO;
        randomLatency = false;
        down = false;
        cancels = false;
        cancelAnswers.clear();
        cancelKeys.clear();
    }

    public void confirmSetup(String reference, String token) {
        answers.put(reference, new GatewayResult(GatewayResult.Status.SUCCEEDED, reference, null, null,
                new GatewayResult.StoredMethod(token, "Visa •••• 4242, 12/30", YearMonth.of(2030, 12))));
    }

    public void reject(String reference, String reason) {
        answers.put(reference, GatewayResult.declined(reference, reason));
    }

    public void pay(String reference, Money amount) {
        answers.put(reference, GatewayResult.succeeded(reference, amount, null));
    }

    /** A charge sent with this idempotency key took the money (the provider replays that for every repeat). */
    public void chargePaid(String idempotencyKey, String reference, Money amount) {
        chargeAnswers.put(idempotencyKey, GatewayResult.succeeded(reference, amount, null));
    }

    /** A charge sent with this idempotency key was declined. */
    public void chargeDeclined(String idempotencyKey, String reference, String reason) {
        chargeAnswers.put(idempotencyKey, GatewayResult.declined(reference, reason));
    }

    /** The charge under this reference waits for its customer to confirm it with their bank. */
    public void waitsForCustomer(String reference) {
        answers.put(reference, GatewayResult.waitingForCustomer(reference,
                GatewayResult.CustomerAction.BANK_CONFIRMATION_NEEDED, GatewayResult.CustomerAction.authenticate()));
    }

    /** Whether this provider can cancel a charge; cancelling answers CANCELLED unless {@link #cancelAnswers} says else. */
    public void cancels(boolean cancels) {
        this.cancels = cancels;
    }

    /** A cancel of this reference is refused, and the provider answers with the charge as it is: {@code result}. */
    public void cancelAnswers(String reference, GatewayResult result) {
        cancelAnswers.put("cancel:" + reference, result);
    }

    /** The idempotency keys of every cancel received, in order. */
    public List<String> cancelKeys() {
        return List.copyOf(cancelKeys);
    }

    public void replayWindow(Duration window) {
        this.replayWindow = window;
    }

    /** Every charge request received (first sends and re-sends), in order. */
    public List<ChargeRequest> chargesSent() {
        return List.copyOf(chargesSent);
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
    public CheckoutSession startCheckout(CheckoutRequest request) {
        throw new UnsupportedOperationException("the scripted provider only answers questions");
    }

    @Override
    public CheckoutSession startSetup(SetupRequest request) {
        throw new UnsupportedOperationException("the scripted provider only answers questions");
    }

    /** Counted under the idempotency key; unscripted, the answer is lost (a timeout), as for a charge we never heard of. */
    @Override
    public GatewayResult chargeSavedMethod(ChargeRequest request) {
        chargesSent.add(request);
        return answer(request.idempotencyKey(), chargeAnswers,
                GatewayResult.unknown(null, "The provider did not answer; we will check the payment again shortly."));
    }

    @Override
    public Duration chargeReplayWindow() {
        return replayWindow;
    }

    @Override
    public GatewayResult chargeResult(ChargeRequest request, @Nullable String chargeReference) {
        return chargeReference == null ? chargeSavedMethod(request)
                : answer(chargeReference, answers, GatewayResult.pending(chargeReference, "Still processing."));
    }

    /** Cancelling is a capability this fake has only when a test says so; without it charges are held (DD-035). */
    @Override
    public <C extends PaymentGateway> Optional<C> as(Class<C> capability) {
        return capability == ChargeCancellation.class && !cancels ? Optional.empty() : ChargeLookup.super.as(capability);
    }

    /** Counted under "cancel:" + reference; once cancelled, the charge's reads answer CANCELLED too. */
    @Override
    public GatewayResult cancelCharge(String idempotencyKey, String chargeReference) {
        cancelKeys.add(idempotencyKey);
        GatewayResult result = answer("cancel:" + chargeReference, cancelAnswers,
                new GatewayResult(GatewayResult.Status.CANCELLED, chargeReference, null, null, null));
        if (result.status() == GatewayResult.Status.CANCELLED) {
            answers.put(chargeReference, result);
        }
        return result;
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
        return answer(reference, answers, otherwise);
    }

    private GatewayResult answer(String reference, Map<String, GatewayResult> scripted, GatewayResult otherwise) {
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
        return scripted.getOrDefault(reference, otherwise);
    }
}
