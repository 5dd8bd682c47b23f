package dev.billfold.api;

import dev.billfold.account.AccountId;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.hosting.BillingPeriod;
import dev.billfold.hosting.HostedServiceId;
import dev.billfold.hosting.HostedServiceKind;
import dev.billfold.hosting.HostedServiceStatus;
import dev.billfold.hosting.NewService;
import dev.billfold.hosting.ProvisionedService;
import dev.billfold.hosting.ServiceProvisioning;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hosted services (issue 17): the provider's provisioning adds them with their price and period, changes the price
 * from a day on, and suspends, resumes or terminates them. Renewing stays the customer's and the auto-renewal job's.
 */
@RestController
@RequestMapping(path = ApiSecurityConfig.BASE, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Services", description = "Hosted services paid from the balance")
class ServicesApi {

    private final ServiceProvisioning services;
    private final ApiJson json;

    ServicesApi(ServiceProvisioning services, ApiJson json) {
        this.services = services;
        this.json = json;
    }

    @Schema(name = "NewService", description = "Unknown fields are refused (400).")
    record NewServiceBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "VPS") @Nullable String kind,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "VPS Amsterdam-3")
                          @Nullable String name,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                  description = "One period's price, in the account's currency")
                          @Nullable MoneyBody price,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "MONTH")
                          @Nullable String period,
                          @Schema(description = "The day the paid time ends; omit for a service awaiting its first "
                                  + "payment") @Nullable LocalDate paidUntil,
                          @Nullable Boolean autoRenew) {
    }

    @Schema(name = "PriceChange", description = "Unknown fields are refused (400).")
    record PriceChangeBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable MoneyBody price,
                           @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                   description = "Periods starting on or after this day cost the new price")
                           @Nullable LocalDate from) {
    }

    @Schema(name = "Service")
    record ServiceBody(UUID id, UUID accountId, HostedServiceKind kind, String name, MoneyBody price,
                       BillingPeriod period, List<Integer> periodsOffered, @Nullable LocalDate paidUntil,
                       HostedServiceStatus status, boolean autoRenew, @Nullable MoneyBody nextPrice,
                       @Nullable LocalDate nextPriceFrom) {

        static ServiceBody of(ProvisionedService service) {
            return new ServiceBody(service.id().value(), service.accountId().value(), service.kind(), service.name(),
                    MoneyBody.of(service.price()), service.period(), service.periodsOffered(), service.paidUntil(),
                    service.status(), service.autoRenew(),
                    service.nextPrice() == null ? null : MoneyBody.of(service.nextPrice()), service.nextPriceFrom());
        }
    }

    @Schema(name = "ServiceList")
    record ServiceListBody(List<ServiceBody> items) {
    }

    @PostMapping(path = "/accounts/{accountId}/services", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a hosted service", description = "Scope services:write. Active until paidUntil, or "
            + "awaiting its first payment without it. Idempotency-Key supported.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = NewServiceBody.class))))
    ResponseEntity<ServiceBody> create(@PathVariable UUID accountId, @RequestBody String body) {
        NewServiceBody request = json.read(body, NewServiceBody.class);
        MoneyBody price = money(request.price(), "price");
        ProvisionedService service = services.create(new AccountId(accountId), new NewService(request.kind(),
                request.name(), price.value(), price.currency(), request.period(), request.paidUntil(),
                Boolean.TRUE.equals(request.autoRenew())));
        return ResponseEntity.created(URI.create(ApiSecurityConfig.BASE + "/services/" + service.id().value()))
                .body(ServiceBody.of(service));
    }

    @GetMapping("/accounts/{accountId}/services")
    @Operation(summary = "List an account's services", description = "Scope read. Terminated ones included.")
    ServiceListBody list(@PathVariable UUID accountId) {
        return new ServiceListBody(services.services(new AccountId(accountId)).stream().map(ServiceBody::of).toList());
    }

    @GetMapping("/services/{serviceId}")
    @Operation(summary = "Read a service", description = "Scope read.")
    ServiceBody service(@PathVariable UUID serviceId) {
        return ServiceBody.of(services.service(new HostedServiceId(serviceId)));
    }

    @PostMapping(path = "/services/{serviceId}/price-changes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a service's price from a day on", description = "Scope services:write. Periods "
            + "starting on or after the day cost the new price; a change not yet in effect is replaced. "
            + "Idempotency-Key supported.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = PriceChangeBody.class))))
    ServiceBody changePrice(@PathVariable UUID serviceId, @RequestBody String body) {
        PriceChangeBody change = json.read(body, PriceChangeBody.class);
        MoneyBody price = money(change.price(), "price");
        return ServiceBody.of(services.changePrice(new HostedServiceId(serviceId), price.value(), price.currency(),
                change.from()));
    }

    @PostMapping("/services/{serviceId}/suspend")
    @Operation(summary = "Suspend a service", description = "Scope services:write. Idempotency-Key supported.")
    ServiceBody suspend(@PathVariable UUID serviceId) {
        return ServiceBody.of(services.suspend(new HostedServiceId(serviceId)));
    }

    @PostMapping("/services/{serviceId}/resume")
    @Operation(summary = "Resume a suspended service", description = "Scope services:write. Idempotency-Key "
            + "supported.")
    ServiceBody resume(@PathVariable UUID serviceId) {
        return ServiceBody.of(services.resume(new HostedServiceId(serviceId)));
    }

    @PostMapping("/services/{serviceId}/terminate")
    @Operation(summary = "Terminate a service", description = "Scope services:write. For good: it is never renewed "
            + "again and the customer no longer sees it. Idempotency-Key supported.")
    ServiceBody terminate(@PathVariable UUID serviceId) {
        return ServiceBody.of(services.terminate(new HostedServiceId(serviceId)));
    }

    private static MoneyBody money(@Nullable MoneyBody money, String field) {
        if (money == null || money.value() == null || money.currency() == null) {
            throw new InvalidRequestException(field, "Give the amount as {\"value\": \"12.50\", \"currency\": "
                    + "\"USD\"}.");
        }
        return money;
    }
}
