package dev.billfold.payment;

import dev.billfold.gateway.GatewayRegistry;
import dev.billfold.gateway.PaymentGateway;
import dev.billfold.gateway.ProviderDispute;
import dev.billfold.gateway.ProviderRefund;
import dev.billfold.gateway.RefundLookup;
import dev.billfold.gateway.RefundNotifications;
import dev.billfold.polling.BackgroundWork;
import dev.billfold.polling.Poller;
import dev.billfold.polling.PollerProperties;
import dev.billfold.polling.ProviderCallLimiter;
import dev.billfold.polling.ProviderLanes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks providers that can be asked ({@link RefundLookup}) about the refunds and disputes of credited payments, so
 * that a refund made in a provider's dashboard is learnt even when its webhook never comes, and for the demo provider,
 * which sends none. Every answer goes through {@link ProviderRefundHandler}, the path the webhooks take, so whichever
 * comes first moves the balance and the other changes nothing (DD-070). Young payments are asked in every cycle,
 * older ones every {@link RefundProperties#laterEvery()}, none after {@link RefundProperties#reconcileFor()}.
 *
 * <p>Safe on several nodes: payments are claimed with SKIP LOCKED and leased, no transaction is open during a
 * provider call, and each provider has its own lane and call rate, shared with the payment reconciliation.
 */
@Component
class RefundReconciliationPoller implements Poller {

    private static final Logger log = LoggerFactory.getLogger(RefundReconciliationPoller.class);
    static final String LANE = "refunds:";

    private final RefundCheckStore checks;
    private final ProviderRefundHandler handler;
    private final GatewayRegistry gateways;
    private final ProviderCallLimiter limiter;
    private final ProviderLanes lanes;
    private final PollerProperties poller;
    private final RefundProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final BackgroundWork work;

    RefundReconciliationPoller(RefundCheckStore checks, ProviderRefundHandler handler, GatewayRegistry gateways,
                               ProviderCallLimiter limiter, ProviderLanes lanes, PollerProperties poller,
                               RefundProperties properties, PlatformTransactionManager transactionManager,
                               Clock clock, BackgroundWork work) {
        this.checks = checks;
        this.handler = handler;
        this.gateways = gateways;
        this.limiter = limiter;
        this.lanes = lanes;
        this.poller = poller;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.work = work;
    }

    @Override
    public String description() {
        return "Refund reconciliation";
    }

    @Override
    public Map<String, Integer> runCycle() {
        List<String> providerLanes = gateways.enabled().stream().filter(g -> g.as(RefundLookup.class).isPresent())
                .map(g -> LANE + g.id()).toList();
        return lanes.run(providerLanes, lane -> checkProvider(gateways.find(lane.substring(LANE.length()))
                .orElseThrow()), poller.providerBudget().plus(Duration.ofSeconds(5)));
    }

    int checkProvider(PaymentGateway gateway) {
        RefundLookup lookup = gateway.as(RefundLookup.class).orElse(null);
        if (lookup == null) {
            return 0;
        }
        long deadline = System.nanoTime() + poller.providerBudget().toNanos();
        int asked = 0;
        Instant cycle = clock.instant();
        while (System.nanoTime() < deadline && !work.stopping()) {
            Instant now = clock.instant();
            Instant until = now.plus(poller.lease()).truncatedTo(ChronoUnit.MILLIS);
            List<RefundCheckStore.Due> due = transaction.execute(status -> checks.claimDue(gateway.id(),
                    now.minus(properties.reconcileFor()), cycle, until, poller.batchSize()));
            if (due == null || due.isEmpty()) {
                break;
            }
            for (int i = 0; i < due.size(); i++) {
                RefundCheckStore.Due payment = due.get(i);
                if (work.stopping()) {
                    // Shutdown: what is claimed and not asked about is due again at once, for another node.
                    List<PaymentId> rest = due.subList(i, due.size()).stream().map(RefundCheckStore.Due::id).toList();
                    Integer released = transaction.execute(status -> checks.release(rest, until, clock.instant()));
                    log.info("Shutdown: released {} claimed refund checks not done yet", released);
                    return asked;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !limiter.acquire(gateway.id(), Duration.ofNanos(left))) {
                    return asked;
                }
                try {
                    Optional<RefundLookup.Reversals> reversals = ask(lookup, payment);
                    reversals.ifPresent(found -> apply(gateway.id(), payment, found));
                    Instant next = nextCheck(payment, clock.instant());
                    transaction.executeWithoutResult(status ->
                            checks.scheduleNext(payment.id(), next, reversals.isPresent()));
                    asked++;
                } catch (RuntimeException e) {
                    log.error("Payment {}: refund reconciliation failed; due again when its lease ends",
                            payment.id().value(), e);
                }
            }
        }
        return asked;
    }

    /** Each refund and dispute by itself: one that fails to apply does not hold back the others. */
    private void apply(String gatewayId, RefundCheckStore.Due payment, RefundLookup.Reversals reversals) {
        for (ProviderRefund refund : reversals.refunds()) {
            var outcome = handler.refund(gatewayId, refund);
            if (outcome != RefundNotifications.Outcome.UNCHANGED) {
                log.info("Payment {}: the poller learnt refund {} ({}): {}", payment.id().value(), refund.refundId(),
                        refund.state(), outcome);
            }
        }
        for (ProviderDispute dispute : reversals.disputes()) {
            var outcome = handler.dispute(gatewayId, dispute);
            if (outcome != RefundNotifications.Outcome.UNCHANGED) {
                log.info("Payment {}: the poller learnt dispute {} ({}): {}", payment.id().value(),
                        dispute.disputeId(), dispute.providerStatus(), outcome);
            }
        }
    }

    /** Young payments in the next cycle, older ones after {@link RefundProperties#laterEvery()}. */
    private Instant nextCheck(RefundCheckStore.Due payment, Instant now) {
        boolean recent = payment.createdAt().plus(properties.recentFor()).isAfter(now);
        return recent ? now.plus(poller.interval()).minus(Duration.ofSeconds(1)) : now.plus(properties.laterEvery());
    }

    private static Optional<RefundLookup.Reversals> ask(RefundLookup lookup, RefundCheckStore.Due payment) {
        try {
            return lookup.reversalsOf(payment.providerReference());
        } catch (RuntimeException unreachable) {
            log.warn("Payment {}: {} did not answer about refunds", payment.id().value(), lookup.id(), unreachable);
            return Optional.empty();
        }
    }
}
