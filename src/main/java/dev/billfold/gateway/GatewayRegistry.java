package dev.billfold.gateway;

import dev.billfold.base.InvalidRequestException;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The providers switched on by configuration, in a stable order. */
@Component
public class GatewayRegistry {

    private final List<PaymentGateway> gateways;

    /** Each provider behind a proxy that times its calls (DD-084). */
    GatewayRegistry(List<PaymentGateway> gateways, MeterRegistry registry) {
        this.gateways = gateways.stream().map(gateway -> GatewayMeters.metered(gateway, registry)).toList();
    }

    public List<PaymentGateway> enabled() {
        return gateways;
    }

    public Optional<PaymentGateway> find(String id) {
        return gateways.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    /** The switched-on providers that have the capability, in the same order. */
    public <C extends PaymentGateway> List<C> enabled(Class<C> capability) {
        return gateways.stream().flatMap(g -> g.as(capability).stream()).toList();
    }

    /** The provider, if it is switched on and has the capability. */
    public <C extends PaymentGateway> Optional<C> find(String id, Class<C> capability) {
        return find(id).flatMap(g -> g.as(capability));
    }

    /** For ids that came from outside: an unknown or switched-off provider is bad input. */
    public PaymentGateway require(String id) {
        return find(id).orElseThrow(() ->
                new InvalidRequestException("method", "That payment provider is not available."));
    }
}
