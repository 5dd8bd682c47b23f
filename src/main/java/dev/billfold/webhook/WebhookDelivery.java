package dev.billfold.webhook;

import dev.billfold.audit.AuditEvent;
import dev.billfold.audit.AuditTrail;
import dev.billfold.polling.BackgroundWork;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends webhook deliveries, at least once (DD-075). Right after the change commits, {@link #deliver} claims the new
 * event's deliveries and sends them on this node's sender pool; {@link #runDue}, on every node's schedule, claims
 * whatever else is due (a retry whose time came, a delivery a crash or a full pool left behind, one whose sender's
 * lease ran out) with {@code FOR UPDATE SKIP LOCKED}, so two nodes never take the same attempt.
 *
 * <p>Each attempt is signed at the moment it is sent, with the event's id as {@code webhook-id}, however often it is
 * tried: receivers de-duplicate on it. A 2xx delivers; 410 fails it and switches the endpoint off; 429 and 503 wait
 * the receiver's Retry-After (at most {@code longest-retry-after}); anything else, a timeout or a refused target waits
 * the next step of the retry schedule, jittered, and fails for good past its last step.
 */
@Component
class WebhookDelivery implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);
    /** Claim rounds in one scheduled run, so that one run ends even while deliveries keep arriving. */
    private static final int MAX_ROUNDS = 50;

    private final DeliveryStore store;
    private final EndpointStore endpoints;
    private final WebhookSender sender;
    private final AuditTrail audit;
    private final WebhookProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ThreadPoolExecutor senders;
    private final AtomicBoolean overflowing = new AtomicBoolean();
    /** Deliveries this node claimed and has not begun to send, with their lease; shutdown gives them back. */
    private final Map<WebhookDeliveryId, Instant> unstarted = new ConcurrentHashMap<>();
    private final BackgroundWork work;

    WebhookDelivery(DeliveryStore store, EndpointStore endpoints, WebhookSender sender, AuditTrail audit,
                    WebhookProperties properties, PlatformTransactionManager transactions, Clock clock,
                    BackgroundWork work) {
        this.store = store;
        this.endpoints = endpoints;
        this.sender = sender;
        this.audit = audit;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.work = work;
        var number = new AtomicInteger();
        this.senders = new ThreadPoolExecutor(properties.senders(), properties.senders(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.queueCapacity()), task -> {
                    var thread = new Thread(task, "billfold-webhook-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * After the change's commit: the event's deliveries, at once, on the sender pool. Not an outbox publication: the
     * delivery rows, written in the change's transaction, are the outbox, and {@link #runDue} on every node is its
     * relay, so whatever this first try does (fails, finds the pool full, dies with the node), every delivery still due
     * is claimed and sent (DD-075).
     */
    @TransactionalEventListener
    void deliver(WebhookQueued queued) {
        try {
            CompletableFuture.runAsync(() -> sendEvent(queued.eventId()), senders).exceptionally(failed -> {
                log.warn("Webhook event {}: first try failed ({}); the scheduled claim retries it", queued.eventId(),
                        failed.getClass().getSimpleName());
                return null;
            });
            overflowing.set(false);
        } catch (RejectedExecutionException full) {
            if (overflowing.compareAndSet(false, true)) {
                log.warn("This node's {} queued webhook sends are its limit: deliveries wait for the scheduled claim",
                        properties.queueCapacity());
            }
        }
    }

    void sendEvent(UUID eventId) {
        if (work.stopping()) {
            return;
        }
        Instant now = clock.instant();
        Instant until = DeliveryStore.leaseEnd(now.plus(properties.lease()));
        List<WebhookDeliveryId> claimed = transaction.execute(status -> store.claimOfEvent(eventId, now, until));
        if (claimed != null) {
            claimed.forEach(id -> unstarted.put(id, until));
            claimed.forEach(id -> attempt(id, until));
        }
    }

    /** Claims and sends every due delivery, a batch at a time, on the sender pool; returns how many were tried. */
    int runDue() {
        int tried = 0;
        for (int round = 0; round < MAX_ROUNDS && !work.stopping(); round++) {
            Instant now = clock.instant();
            Instant until = DeliveryStore.leaseEnd(now.plus(properties.lease()));
            List<WebhookDeliveryId> batch = transaction.execute(status ->
                    store.claimDue(now, until, properties.batchSize()));
            if (batch == null || batch.isEmpty()) {
                break;
            }
            batch.forEach(id -> unstarted.put(id, until));
            List<CompletableFuture<Void>> sends = new ArrayList<>(batch.size());
            for (WebhookDeliveryId id : batch) {
                try {
                    sends.add(CompletableFuture.runAsync(() -> attempt(id, until), senders));
                } catch (RejectedExecutionException full) {
                    attempt(id, until);
                }
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
            tried += batch.size();
        }
        return tried;
    }

    /** One attempt of a delivery this node claimed until {@code until}, on the calling thread. */
    void attempt(WebhookDeliveryId id, Instant until) {
        if (work.stopping()) {
            return;
        }
        unstarted.remove(id);
        Optional<DeliveryStore.Claimed> claimed = store.claimed(id, until, clock.instant());
        if (claimed.isEmpty()) {
            log.warn("Webhook delivery {} waited past its lease before a sender was free; another claim takes it",
                    id.value());
            return;
        }
        DeliveryStore.Claimed claim = claimed.get();
        EndpointStore.Endpoint endpoint = endpoints.find(claim.endpointId()).orElseThrow();
        Instant started = clock.instant();
        if (!endpoint.enabled()) {
            transaction.executeWithoutResult(status -> store.finish(claim, DeliveryStatus.FAILED, null, false, null,
                    "The endpoint is switched off", started));
            return;
        }
        String messageId = claim.eventId().toString();
        long timestamp = started.getEpochSecond();
        String signature = endpoint.signingSecrets(started).stream()
                .map(secret -> secret.sign(messageId, timestamp, claim.payload()))
                .collect(Collectors.joining(" "));
        long start = System.nanoTime();
        WebhookSender.Answer answer = sender.send(URI.create(endpoint.url()), messageId, timestamp, signature,
                claim.payload(), started);
        long latency = (System.nanoTime() - start) / 1_000_000;
        Boolean finished = transaction.execute(status -> {
            Instant now = clock.instant();
            store.recordAttempt(claim, started, latency, answer.status(), answer.outcome(), answer.error(),
                    answer.body());
            return switch (answer.outcome()) {
                case DELIVERED -> store.finish(claim, DeliveryStatus.DELIVERED, null, false, answer.status(), null,
                        now);
                case GONE -> {
                    boolean done = store.finish(claim, DeliveryStatus.FAILED, null, true, answer.status(),
                            answer.error(), now);
                    switchOff(endpoint, now);
                    yield done;
                }
                default -> retryOrFail(claim, answer, now);
            };
        });
        if (!Boolean.TRUE.equals(finished)) {
            log.warn("Webhook delivery {} was tried after its lease ran out; another node may try it again",
                    id.value());
        }
        if (answer.outcome() != AttemptOutcome.DELIVERED) {
            log.info("Webhook delivery {} to endpoint {}: attempt {} {} ({})", id.value(), endpoint.id().value(),
                    claim.attempts(), answer.outcome(), answer.status() == null ? "no answer" : answer.status());
        }
    }

    private boolean retryOrFail(DeliveryStore.Claimed claim, WebhookSender.Answer answer, Instant now) {
        int failed = claim.scheduleStep() + 1;
        Optional<Duration> scheduled = properties.waitAfter(failed, ThreadLocalRandom.current().nextDouble());
        if (scheduled.isEmpty()) {
            return store.finish(claim, DeliveryStatus.FAILED, null, true, answer.status(), answer.error(), now);
        }
        Duration wait = scheduled.get();
        if (answer.outcome() == AttemptOutcome.THROTTLED && answer.retryAfter() != null) {
            // The receiver said when; at least a second, so that "Retry-After: 0" cannot make a hot loop.
            Duration asked = answer.retryAfter();
            wait = asked.compareTo(properties.longestRetryAfter()) > 0 ? properties.longestRetryAfter()
                    : asked.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : asked;
        }
        return store.finish(claim, DeliveryStatus.PENDING, now.plus(wait), true, answer.status(), answer.error(),
                now);
    }

    /** 410 Gone: the receiver says the endpoint is no more; it is switched off and its waiting deliveries fail. */
    private void switchOff(EndpointStore.Endpoint endpoint, Instant now) {
        String reason = "The receiver answered 410 Gone";
        if (endpoints.setEnabled(endpoint.id(), false, reason, now)) {
            store.failWaiting(endpoint.id(), reason + "; the endpoint is switched off");
            audit.record(AuditEvent.of("webhook.endpoint.gone", "Switched a webhook endpoint off: 410 Gone")
                    .subject(endpoint.id()).change("on", "off: " + endpoint.url()).staffOnly());
            log.warn("Webhook endpoint {} answered 410 Gone and is switched off", endpoint.id().value());
        }
    }

    /**
     * Shutdown, after {@link BackgroundWork} stopped claiming: sends under way finish (up to the timeout), queued ones
     * do not start, and their claims are given back, due at once for any node rather than after the lease (DD-081).
     */
    @Override
    public void destroy() {
        senders.shutdown();
        try {
            if (!senders.awaitTermination(properties.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                log.warn("Shutdown: webhook sends still under way; their claims run out with the lease");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        senders.shutdownNow();
        releaseUnstarted();
    }

    /** Gives back every claim this node holds and has not begun to send; returns how many were given back. */
    int releaseUnstarted() {
        int released = 0;
        for (Map.Entry<WebhookDeliveryId, Instant> claim : Map.copyOf(unstarted).entrySet()) {
            try {
                if (store.release(claim.getKey(), claim.getValue(), clock.instant())) {
                    released++;
                }
                unstarted.remove(claim.getKey(), claim.getValue());
            } catch (RuntimeException e) {
                log.warn("Shutdown: could not release webhook delivery {}; it runs out with its lease",
                        claim.getKey().value(), e);
            }
        }
        if (released > 0) {
            log.info("Shutdown: released {} claimed webhook deliveries not sent yet", released);
        }
        return released;
    }
}
