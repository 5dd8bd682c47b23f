package dev.billfold.hosting;

import dev.billfold.account.AccountId;
import dev.billfold.audit.AuditEvent;
import dev.billfold.audit.AuditTrail;
import dev.billfold.base.IllegalTransitionException;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Money;
import dev.billfold.base.NotFoundException;
import dev.billfold.staff.StaffAccess;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hosted services as the provider's systems put them in and change them through the API (issue 17): create, read,
 * change the price from a day on, suspend, resume and terminate. Reads need {@link StaffAccess.Action#READ}, changes
 * {@link StaffAccess.Action#WRITE_SERVICES} (the {@code services:write} scope); every change is audited with the
 * client as the actor, under the service's row lock. Renewals stay the customer's and the auto-renewal job's.
 */
@Service
public class ServiceProvisioning {

    public static final int NAME_MAX = 200;
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,13}(\\.\\d{1,4})?");

    private final StaffAccess staff;
    private final HostedServiceStore services;
    private final JdbcClient jdbc;
    private final RenewalProperties properties;
    private final AuditTrail audit;
    private final ApplicationEventPublisher published;
    private final Clock clock;

    ServiceProvisioning(StaffAccess staff, HostedServiceStore services, JdbcClient jdbc, RenewalProperties properties,
                        AuditTrail audit, ApplicationEventPublisher published, Clock clock) {
        this.published = published;
        this.staff = staff;
        this.services = services;
        this.jdbc = jdbc;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ProvisionedService create(AccountId accountId, NewService request) {
        staff.require(StaffAccess.Action.WRITE_SERVICES, accountId);
        Currency accountCurrency = accountCurrency(accountId);
        HostedServiceKind kind = choice(HostedServiceKind.class, request.kind(), "kind");
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > NAME_MAX) {
            throw new InvalidRequestException("name", "Give the service a name of at most %d characters."
                    .formatted(NAME_MAX));
        }
        BillingPeriod period = choice(BillingPeriod.class, request.period(), "period");
        Money price = price(request.price(), request.currency(), accountCurrency, "price");
        LocalDate paidUntil = request.paidUntil();
        HostedService service = new HostedService(HostedServiceId.random(), accountId, name, kind, price, period,
                paidUntil, paidUntil == null ? HostedServiceStatus.AWAITING_PAYMENT : HostedServiceStatus.ACTIVE,
                request.autoRenew(), 0, null, null);
        services.insert(service, clock.instant());
        audit.record(AuditEvent.of("service.created", "Added the service " + name).account(accountId)
                .subject(service.id()).change(null, "%s, %s per %s, %s".formatted(kind.label(), price.format(),
                        period.name().toLowerCase(Locale.ROOT), paidUntil == null ? "awaiting the first payment"
                                : "paid until " + paidUntil)));
        published.publishEvent(new ServiceChanged(accountId, service.id(), ServiceChanged.Change.CREATED, paidUntil,
                "created:" + service.id().value(), null));
        return ProvisionedService.of(found(service.id()));
    }

    @Transactional(readOnly = true)
    public ProvisionedService service(HostedServiceId id) {
        staff.require(StaffAccess.Action.READ, id);
        return ProvisionedService.of(found(id));
    }

    /** Every service of the account, terminated ones included, by name. */
    @Transactional(readOnly = true)
    public List<ProvisionedService> services(AccountId accountId) {
        staff.require(StaffAccess.Action.READ, accountId);
        accountCurrency(accountId);
        return jdbc.sql("select id from hosted_service where account_id = ? order by name, id")
                .param(accountId.value()).query(java.util.UUID.class).list().stream()
                .map(id -> ProvisionedService.of(found(new HostedServiceId(id)))).toList();
    }

    /** From {@code from} (today or later) on, each period that starts then or after costs {@code price}. */
    @Transactional
    public ProvisionedService changePrice(HostedServiceId id, @Nullable String price, @Nullable String currency,
                                          @Nullable LocalDate from) {
        staff.require(StaffAccess.Action.WRITE_SERVICES, id);
        HostedService service = locked(id);
        Money newPrice = price(price, currency, service.price().currency(), "price");
        LocalDate today = LocalDate.now(clock.withZone(zone()));
        if (from == null || from.isBefore(today)) {
            throw new InvalidRequestException("from", "A price changes from today or a later day, not from the past.");
        }
        HostedService changed = transition(service, current -> current.priceChanged(newPrice, from, today));
        services.updatePrice(changed);
        audit.record(AuditEvent.of("service.price-changed", "Changed the price of " + service.name())
                .account(service.accountId()).subject(id)
                .change(service.priceFor(from).format(), newPrice.format() + " from " + from));
        return ProvisionedService.of(found(id));
    }

    @Transactional
    public ProvisionedService suspend(HostedServiceId id) {
        return move(id, HostedService::suspended, "service.suspended", "Suspended");
    }

    @Transactional
    public ProvisionedService resume(HostedServiceId id) {
        return move(id, HostedService::resumed, "service.resumed", "Resumed");
    }

    @Transactional
    public ProvisionedService terminate(HostedServiceId id) {
        return move(id, HostedService::terminated, "service.terminated", "Terminated");
    }

    private ProvisionedService move(HostedServiceId id, UnaryOperator<HostedService> change, String action,
                                    String verb) {
        staff.require(StaffAccess.Action.WRITE_SERVICES, id);
        HostedService service = locked(id);
        HostedService next = transition(service, change);
        services.update(next);
        audit.record(AuditEvent.of(action, verb + " the service " + service.name()).account(service.accountId())
                .subject(id).change(service.status().label(), next.status().label()));
        // The provider's own suspension or resumption is news for its other systems too (webhooks out, DD-075).
        ServiceChanged.Change news = switch (next.status()) {
            case SUSPENDED -> ServiceChanged.Change.SUSPENDED;
            case ACTIVE -> ServiceChanged.Change.RESUMED;
            default -> null;
        };
        if (news != null) {
            published.publishEvent(new ServiceChanged(service.accountId(), id, news, next.paidUntil(),
                    news.name().toLowerCase(Locale.ROOT) + ":" + id.value() + ":api:" + service.version(), null));
        }
        return ProvisionedService.of(found(id));
    }

    /** A move the service's state does not allow is refused with a message, and changes nothing. */
    private static HostedService transition(HostedService service, UnaryOperator<HostedService> change) {
        try {
            return change.apply(service);
        } catch (IllegalTransitionException refused) {
            throw new InvalidRequestException("status", "The service is %s: that is not possible now."
                    .formatted(service.status().label().toLowerCase(Locale.ROOT)));
        }
    }

    private HostedService locked(HostedServiceId id) {
        return services.lock(id).orElseThrow(() -> new NotFoundException("There is no such service."));
    }

    private HostedService found(HostedServiceId id) {
        return services.findById(id).orElseThrow(() -> new NotFoundException("There is no such service."));
    }

    private Currency accountCurrency(AccountId accountId) {
        return jdbc.sql("select currency from account where id = ?").param(accountId.value()).query(String.class)
                .optional().map(code -> Currency.getInstance(code.strip()))
                .orElseThrow(() -> new NotFoundException("There is no such account."));
    }

    private ZoneId zone() {
        return properties.zone();
    }

    /** A positive amount in the account's currency and its minor units. */
    private static Money price(@Nullable String text, @Nullable String currency, Currency accountCurrency,
                               String field) {
        if (currency == null || !currency.equals(accountCurrency.getCurrencyCode())) {
            throw new InvalidRequestException(field + ".currency", "The account keeps its balance in %s; a price is "
                    .formatted(accountCurrency.getCurrencyCode()) + "in that currency.");
        }
        String value = text == null ? "" : text.strip();
        if (value.startsWith("-")) {
            throw new InvalidRequestException(field, "A price is more than zero.");
        }
        if (!AMOUNT.matcher(value).matches()) {
            throw new InvalidRequestException(field, "Give the price as a decimal number, e.g. \"12.50\".");
        }
        BigDecimal amount = new BigDecimal(value);
        int digits = Money.minorDigits(accountCurrency);
        if (amount.stripTrailingZeros().scale() > digits) {
            throw new InvalidRequestException(field, "%s amounts have at most %d decimal places."
                    .formatted(accountCurrency.getCurrencyCode(), digits));
        }
        if (amount.signum() <= 0) {
            throw new InvalidRequestException(field, "A price is more than zero.");
        }
        return Money.of(amount, accountCurrency);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, @Nullable String text, String field) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(text)).findFirst()
                .orElseThrow(() -> new InvalidRequestException(field, "Choose one of %s.".formatted(
                        String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()))));
    }
}
