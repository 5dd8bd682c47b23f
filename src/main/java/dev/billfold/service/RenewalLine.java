package dev.billfold.service;

/** One service to renew and for how many of its periods, as the customer chose it. Checked by the service. */
public record RenewalLine(ServiceId serviceId, int periods) {
}
