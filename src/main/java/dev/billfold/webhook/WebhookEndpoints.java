package dev.billfold.webhook;

import dev.billfold.account.AccountId;
import dev.billfold.audit.AuditEvent;
import dev.billfold.audit.AuditTrail;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.staff.StaffAccess;
import dev.billfold.staff.StaffMember;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The back office's webhooks (DD-075): endpoints, their secrets, the delivery log and replays, and the accounts'
 * low-balance thresholds. Every method needs {@link StaffAccess.Action#STAFF_SETTINGS} (Admin), and every change
 * writes an audit entry in its transaction. Secrets are returned only where they are made.
 */
@Service
public class WebhookEndpoints {

    static final int MAX_DESCRIPTION = 200;
    static final int MAX_PAGE = 200;

    private final StaffAccess staff;
    private final EndpointStore endpoints;
    private final DeliveryStore deliveries;
    private final EventFactsStore facts;
    private final TargetGuard guard;
    private final AuditTrail audit;
    private final WebhookProperties properties;
    private final Clock clock;

    WebhookEndpoints(StaffAccess staff, EndpointStore endpoints, DeliveryStore deliveries, EventFactsStore facts,
                     TargetGuard guard, AuditTrail audit, WebhookProperties properties, Clock clock) {
        this.staff = staff;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.facts = facts;
        this.guard = guard;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<EndpointSummary> endpoints() {
        staff.require(StaffAccess.Action.STAFF_SETTINGS, null);
        return endpoints.all().stream().map(this::summary).toList();
    }

    @Transactional(readOnly = true)
    public EndpointSummary endpoint(WebhookEndpointId id) {
        staff.require(StaffAccess.Action.STAFF_SETTINGS, id);
        return endpoints.find(id).map(this::summary).orElseThrow(WebhookEndpoints::noSuchEndpoint);
    }

    /** Registers an endpoint, switched on, with a new secret that is returned here once. */
    @Transactional
    public NewSecret create(EndpointDraft draft) {
        StaffMember me = staff.require(StaffAccess.Action.STAFF_SETTINGS, null);
        URI url = guard.checkUrl(draft.url());
        String description = draft.description().strip();
        if (description.length() > MAX_DESCRIPTION) {
            throw InvalidRequestException.keyed(null, "errors.webhook.description-too-long", MAX_DESCRIPTION);
        }
        if (draft.types().isEmpty()) {
            throw InvalidRequestException.keyed(null, "errors.webhook.no-type");
        }
        Instant now = clock.instant();
        WebhookSecret secret = WebhookSecret.generate();
        var endpoint = new EndpointStore.Endpoint(WebhookEndpointId.random(), url.toString(), description,
                java.util.EnumSet.copyOf(draft.types()), secret.text(), null, null, true, null, now);
        endpoints.insert(endpoint, me.userId());
        audit.record(AuditEvent.of("webhook.endpoint.created", "Registered a webhook endpoint")
                .subject(endpoint.id()).change(null, url + " · " + types(endpoint)).staffOnly());
        return new NewSecret(endpoint.id(), secret.text());
    }

    /**
     * A new secret, returned here once; the old one keeps signing next to it for {@code rotation-overlap}, so that
     * the receiver can switch without losing a delivery.
     */
    @Transactional
    public NewSecret rotateSecret(WebhookEndpointId id) {
        staff.require(StaffAccess.Action.STAFF_SETTINGS, id);
        EndpointStore.Endpoint endpoint = endpoints.lock(id).orElseThrow(WebhookEndpoints::noSuchEndpoint);
        Instant now = clock.instant();
        Instant until = now.plus(properties.rotationOverlap());
        WebhookSecret secret = WebhookSecret.generate();
        endpoints.rotate(id, secret.text(), endpoint.secret(), until, now);
        audit.record(AuditEvent.of("webhook.endpoint.secret-rotated", "Rotated a webhook endpoint's secret")
                .subject(id).change(null, "The old secret signs too until " + until).staffOnly());
        return new NewSecret(id, secret.text());
    }

    /** Switches an endpoint on or off. Off: its waiting deliveries fail (they can be replayed once it is on). */
    @Transactional
    public EndpointSummary setEnabled(WebhookEndpointId id, boolean enabled) {
        staff.require(StaffAccess.Action.STAFF_SETTINGS, id);
        EndpointStore.Endpoint endpoint = endpoints.lock(id).orElseThrow(WebhookEndpoints::noSuchEndpoint);
        Instant now = clock.instant();
        if (endpoints.setEnabled(id, enabled, "Switched off by staff", now)) {
            if (!enabled) {
                deliveries.failWaiting(id, "The endpoint was switched off");
            }
            audit.record(AuditEvent.of(enabled ? "webhook.endpoint.enabled" : "webhook.endpoint.disabled",
                            enabled ? "Switched a webhook endpoint on" : "Switched a webhook endpoint off")
                    .subject(id).change(endpoint.enabled() ? "on" : "off", enabled ? "on" : "off").staffOnly());
        }
        return endpoints.find(id).map(this::summary).orElseThrow();
    }

    @Transactional(readOnly = true)
    public int countDeliveries(WebhookEndpointId id) {
        staff.require(StaffAccess.Action.STAFF_SETTINGS, id);
        return deliveries.count(id);
    }

    /** The endpoint's delivery log, newest first. */
    @Transactional(readOnly = true)
    public List<DeliveryLogRow> deliveries(WebhookEndpointId id, int offset, int limit) {
        staff.require(StaffAccess.Action.STAFF_SETTINGS, id);
        return deliveries.page(id, Math.max(0, offset), Math.clamp(limit, 1, MAX_PAGE));
    }

    @Transactional(readOnly = true)
    public List<AttemptRow> attempts(WebhookDeliveryId id) {
        staff.require(StaffAccess.Action.STAFF_SETTINGS, id);
        return deliveries.attempts(id);
    }

    /** Sends one delivery again now, from the start of the retry schedule, with the same webhook-id. */
    @Transactional
    public void replay(WebhookDeliveryId id) {
        staff.require(StaffAccess.Action.STAFF_SETTINGS, id);
        WebhookEndpointId endpointId = deliveries.endpointOf(id)
                .orElseThrow(() -> InvalidRequestException.keyed(null, "errors.webhook.delivery-not-found"));
        requireEnabled(endpointId);
        if (!deliveries.replay(id, clock.instant())) {
            throw InvalidRequestException.keyed(null, "errors.webhook.delivery-busy");
        }
        audit.record(AuditEvent.of("webhook.delivery.replayed", "Replayed a webhook delivery").subject(id)
                .staffOnly());
    }

    /** Sends again every delivery to the endpoint of an event recorded since {@code since}; returns how many. */
    @Transactional
    public int replaySince(WebhookEndpointId id, Instant since) {
        staff.require(StaffAccess.Action.STAFF_SETTINGS, id);
        requireEnabled(id);
        Instant now = clock.instant();
        if (since.isAfter(now)) {
            throw InvalidRequestException.keyed(null, "errors.webhook.since-future");
        }
        int replayed = deliveries.replaySince(id, since, now);
        audit.record(AuditEvent.of("webhook.delivery.replayed-since", "Replayed a webhook endpoint's deliveries")
                .subject(id).change(null, replayed + " since " + since).staffOnly());
        return replayed;
    }

    @Transactional(readOnly = true)
    public Optional<Money> lowBalanceThreshold(AccountId accountId) {
        staff.require(StaffAccess.Action.STAFF_SETTINGS, accountId);
        return facts.threshold(accountId);
    }

    /**
     * The balance below which the account's {@code balance.low} fires, in its currency; null removes it.
     */
    @Transactional
    public void setLowBalanceThreshold(AccountId accountId, @Nullable BigDecimal threshold) {
        staff.require(StaffAccess.Action.STAFF_SETTINGS, accountId);
        EventFactsStore.AccountFacts account = facts.account(accountId)
                .orElseThrow(() -> InvalidRequestException.keyed(null, "errors.webhook.account-not-found"));
        Optional<Money> before = facts.threshold(accountId);
        if (threshold == null) {
            if (facts.clearThreshold(accountId)) {
                audit.record(AuditEvent.of("webhook.threshold.removed", "Removed the low-balance threshold")
                        .account(accountId).change(before.map(Money::format).orElse(null), null).staffOnly());
            }
            return;
        }
        Money value;
        try {
            value = Money.of(threshold, Currency.getInstance(account.currency().strip()));
        } catch (IllegalArgumentException tooPrecise) {
            throw new InvalidRequestException(tooPrecise.getMessage() + ".");
        }
        if (value.isNegative()) {
            throw InvalidRequestException.keyed(null, "errors.webhook.threshold-negative");
        }
        facts.setThreshold(accountId, value);
        audit.record(AuditEvent.of("webhook.threshold.set", "Set the low-balance threshold").account(accountId)
                .change(before.map(Money::format).orElse(null), value.format()).staffOnly());
    }

    private void requireEnabled(WebhookEndpointId id) {
        EndpointStore.Endpoint endpoint = endpoints.find(id).orElseThrow(WebhookEndpoints::noSuchEndpoint);
        if (!endpoint.enabled()) {
            throw InvalidRequestException.keyed(null, "errors.webhook.endpoint-off");
        }
    }

    private EndpointSummary summary(EndpointStore.Endpoint endpoint) {
        Instant until = endpoint.previousUntil();
        return new EndpointSummary(endpoint.id(), endpoint.url(), endpoint.description(),
                List.copyOf(endpoint.types()), endpoint.enabled(), endpoint.disabledReason(),
                until != null && until.isAfter(clock.instant()) ? until : null, endpoint.createdAt());
    }

    private static String types(EndpointStore.Endpoint endpoint) {
        return endpoint.types().stream().map(EventType::wireName).collect(Collectors.joining(", "));
    }

    private static InvalidRequestException noSuchEndpoint() {
        return InvalidRequestException.keyed(null, "errors.webhook.endpoint-not-found");
    }
}
