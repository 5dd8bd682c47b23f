package dev.billfold.webhook;

import dev.billfold.base.InvalidRequestException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import okhttp3.Dns;
import org.springframework.stereotype.Component;

/**
 * Where webhooks may go (DD-076). An endpoint's URL is checked when it is saved, and its host's addresses again at
 * every connection: this is the {@link Dns} of the sending client, so the address that was checked is the address
 * connected to (a name that resolves to a public address when saved and to 10.0.0.5 later, DNS rebinding, is refused
 * then). Unless {@code allow-private-targets} is set, no address may be loopback, private, link-local (which holds the
 * cloud metadata address 169.254.169.254), unique-local, carrier-grade NAT, multicast or unspecified; a name with one
 * such address among its answers is refused whole.
 */
@Component
class TargetGuard implements Dns {

    static final int MAX_URL = 2000;

    private final WebhookProperties properties;

    TargetGuard(WebhookProperties properties) {
        this.properties = properties;
    }

    /** The URL as an endpoint stores it, or an {@link InvalidRequestException} that says what is wrong. */
    URI checkUrl(String text) {
        String url = text.strip();
        if (url.isEmpty() || url.length() > MAX_URL) {
            throw InvalidRequestException.keyed(null, "errors.webhook.url-length", String.valueOf(MAX_URL));
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            // The parser's own words for what is wrong, in English.
            throw InvalidRequestException.keyed(null, "errors.webhook.url-malformed", e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && !properties.requireHttps())) {
            throw InvalidRequestException.keyed(null, properties.requireHttps() ? "errors.webhook.url-https"
                    : "errors.webhook.url-http");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw InvalidRequestException.keyed(null, "errors.webhook.url-host");
        }
        if (uri.getRawUserInfo() != null) {
            throw InvalidRequestException.keyed(null, "errors.webhook.url-user");
        }
        if (uri.getRawFragment() != null) {
            throw InvalidRequestException.keyed(null, "errors.webhook.url-fragment");
        }
        String literal = literalHost(uri.getHost());
        if (literal != null) {
            try {
                refuseForbidden(uri.getHost(), List.of(InetAddress.getByName(literal)));
            } catch (RefusedTarget refused) {
                throw new InvalidRequestException(refused.getMessage());
            } catch (UnknownHostException e) {
                throw InvalidRequestException.keyed(null, "errors.webhook.url-address", uri.getHost());
            }
        }
        return uri;
    }

    /**
     * Before a request: the scheme again (the setting may have changed since the endpoint was saved) and an address
     * literal, which the HTTP client connects to without asking {@link #lookup}.
     */
    void checkBeforeSending(URI uri) throws RefusedTarget {
        if (properties.requireHttps() && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new RefusedTarget("Refused: only https endpoints are called here.");
        }
        String literal = literalHost(uri.getHost());
        if (literal != null) {
            try {
                refuseForbidden(uri.getHost(), List.of(InetAddress.getByName(literal)));
            } catch (UnknownHostException e) {
                throw new RefusedTarget("Refused: " + uri.getHost() + " is not an address.");
            }
        }
    }

    /** The HTTP client's name resolution: the answers, if every one of them may be called. */
    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> addresses = List.of(InetAddress.getAllByName(hostname));
        refuseForbidden(hostname, addresses);
        return addresses;
    }

    private void refuseForbidden(String host, List<InetAddress> addresses) throws RefusedTarget {
        if (properties.allowPrivateTargets()) {
            return;
        }
        for (InetAddress address : addresses) {
            if (forbidden(address)) {
                throw new RefusedTarget("Refused: %s resolves to %s, a loopback, private, link-local or metadata "
                        .formatted(host, address.getHostAddress())
                        + "address (billfold.webhooks.allow-private-targets is off).");
            }
        }
    }

    static boolean forbidden(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0                                   // "this network"
                    || first == 100 && second >= 64 && second < 128 // carrier-grade NAT, 100.64.0.0/10
                    || first == 192 && second == 0 && (b[2] & 0xff) == 0 // IETF protocol assignments
                    || first == 198 && (second == 18 || second == 19) // benchmarking
                    || first >= 240;                            // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {                       // unique local fc00::/7 (AWS metadata fd00:ec2::254)
                return true;
            }
            if (isV4Embedded(b)) {                              // ::ffff:10.0.0.1 and ::10.0.0.1
                try {
                    return forbidden(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isV4Embedded(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff);
    }

    /** The host as an address literal (brackets of IPv6 removed), or null for a name. */
    private static @org.jspecify.annotations.Nullable String literalHost(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        // Other spellings the resolver reads as IPv4 (2130706433) reach lookup() as names and are checked there.
        return bare.contains(":") || bare.matches("[0-9]+(\\.[0-9]+){3}") ? bare : null;
    }

    /** A target that must not be called; an {@link UnknownHostException} so the HTTP client fails the call with it. */
    static final class RefusedTarget extends UnknownHostException {
        RefusedTarget(String message) {
            super(message);
        }
    }
}
