package dev.billfold.paymentmethod;

import dev.billfold.gateway.GatewayRegistry;
import dev.billfold.gateway.GatewayResult;
import dev.billfold.gateway.MethodSetup;
import dev.billfold.polling.BackgroundWork;
import dev.billfold.polling.Poller;
import dev.billfold.polling.PollerProperties;
import dev.billfold.polling.ProviderCallLimiter;
import dev.billfold.polling.ProviderLanes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks providers about methods still PENDING: confirmed ones become CONFIRMED (the payer's first one its default),
 * rejected ones FAILED with the provider's reason, the rest are asked again after a backoff and FAILED once they have
 * waited longer than {@link PollerProperties#giveUpAfter()}. Also expires confirmed cards past their expiry month.
 *
 * <p>Safe on several nodes: rows are claimed in short transactions ({@code FOR UPDATE SKIP LOCKED}, then a lease on
 * {@code next_check_at}), the provider is called with no transaction open, and the answer goes through
 * {@link MethodSetupSettlement}, which locks and re-checks. Each provider runs in its own lane under its own rate.
 */
@Component
public class PendingMethodPoller implements Poller {

    private static final Logger log = LoggerFactory.getLogger(PendingMethodPoller.class);
    static final String LANE = "methods:";

    private final MethodCheckStore checks;
    private final MethodSetupSettlement settlement;
    private final GatewayRegistry gateways;
    private final ProviderCallLimiter limiter;
    private final ProviderLanes lanes;
    private final PollerProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final BackgroundWork work;
    private final RefusedCards refusedCards;

    PendingMethodPoller(MethodCheckStore checks, MethodSetupSettlement settlement, GatewayRegistry gateways,
                        ProviderCallLimiter limiter, ProviderLanes lanes, PollerProperties properties,
                        PlatformTransactionManager transactionManager, Clock clock, BackgroundWork work,
                        RefusedCards refusedCards) {
        this.refusedCards = refusedCards;
        this.checks = checks;
        this.settlement = settlement;
        this.gateways = gateways;
        this.limiter = limiter;
        this.lanes = lanes;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.work = work;
    }

    @Override
    public String description() {
        return "Pending-method check";
    }

    /** One cycle over every provider that can save methods; returns the methods asked about per provider. */
    @Override
    public Map<String, Integer> runCycle() {
        expireCards();
        if (!work.stopping()) {
            refusedCards.detachStillAttached();
        }
        List<String> providerLanes = gateways.enabled(MethodSetup.class).stream().map(g -> LANE + g.id()).toList();
        return lanes.run(providerLanes,
                lane -> checkProvider(gateways.find(lane.substring(LANE.length()), MethodSetup.class).orElseThrow()),
                properties.providerBudget().plus(Duration.ofSeconds(5)));
    }

    /** Works through the provider's due methods until none is left or its time for this cycle is used up. */
    int checkProvider(MethodSetup gateway) {
        long deadline = System.nanoTime() + properties.providerBudget().toNanos();
        int asked = 0;
        while (System.nanoTime() < deadline && !work.stopping()) {
            Instant now = clock.instant();
            Instant until = now.plus(properties.lease()).truncatedTo(ChronoUnit.MILLIS);
            List<MethodCheckStore.DueMethod> due = transaction.execute(status -> checks.claimDue(gateway.id(), now,
                    until, now.minus(properties.giveUpAfter()), properties.batchSize()));
            if (due == null || due.isEmpty()) {
                break;
            }
            for (int i = 0; i < due.size(); i++) {
                MethodCheckStore.DueMethod method = due.get(i);
                if (work.stopping()) {
                    // Shutdown: what is claimed and not asked about is due again at once, for another node.
                    List<PaymentMethodId> rest = due.subList(i, due.size()).stream()
                            .map(MethodCheckStore.DueMethod::id).toList();
                    Integer released = transaction.execute(status -> checks.release(rest, until, clock.instant()));
                    log.info("Shutdown: released {} claimed methods not checked yet", released);
                    return asked;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !limiter.acquire(gateway.id(), Duration.ofNanos(left))) {
                    // Out of time or calls: the rest stay leased and are due again when the lease ends.
                    return asked;
                }
                try {
                    check(gateway, method);
                    asked++;
                } catch (RuntimeException e) {
                    log.error("Method {}: check failed; due again when its lease ends", method.id().value(), e);
                }
            }
        }
        return asked;
    }

    private void check(MethodSetup gateway, MethodCheckStore.DueMethod method) {
        if (method.setupReference() == null) {
            settlement.giveUpIfDue(method.id());
            return;
        }
        GatewayResult result;
        try {
            result = gateway.setupResult(Objects.requireNonNull(method.setupReference()));
        } catch (RuntimeException unreachable) {
            log.warn("Method {}: {} did not answer about its setup", method.id().value(), gateway.id(), unreachable);
            result = GatewayResult.unknown(method.setupReference(),
                    "The provider did not answer; we will check again.");
        }
        settlement.applyPolled(method.id(), result);
    }

    private void expireCards() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<PaymentMethodId> expired;
        do {
            expired = transaction.execute(status -> checks.claimExpired(today, properties.batchSize()));
            if (expired == null) {
                return;
            }
            for (PaymentMethodId id : expired) {
                try {
                    settlement.expireIfDue(id, today);
                } catch (RuntimeException e) {
                    log.error("Method {}: could not mark it expired", id.value(), e);
                    return;
                }
            }
        } while (expired.size() == properties.batchSize());
    }
}
