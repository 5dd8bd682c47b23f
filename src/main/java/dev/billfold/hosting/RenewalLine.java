package dev.billfold.hosting;

/** One service to renew and for how many of its periods, as the customer chose it. Checked by the service. */
public record RenewalLine(HostedServiceId serviceId, int periods) {
}
