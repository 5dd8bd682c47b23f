package dev.billfold.base;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The address ranges a key may be used from, as CIDR ({@code 203.0.113.0/24}, {@code 2001:db8::/32}) or single
 * addresses. Parsed without name lookups: only literal addresses are accepted. API keys and the M-Pesa callback use
 * them.
 */
public final class IpRanges {

    public static final int MAX_RANGES = 20;
    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");

    private final List<Range> ranges;

    private IpRanges(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** What an Admin typed; blank means anywhere. Bad input gets a message naming the entry. */
    public static IpRanges parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return new IpRanges(List.of());
        }
        List<Range> ranges = new ArrayList<>();
        for (String entry : SEPARATORS.split(text.strip())) {
            ranges.add(range(entry));
        }
        if (ranges.size() > MAX_RANGES) {
            throw new InvalidRequestException("ipRanges", "A key has at most %d IP ranges.".formatted(MAX_RANGES));
        }
        return new IpRanges(ranges.stream().distinct().toList());
    }

    /** As stored: space-separated; null for anywhere. */
    public @Nullable String stored() {
        return ranges.isEmpty() ? null : String.join(" ", texts());
    }

    public List<String> texts() {
        return ranges.stream().map(Range::text).toList();
    }

    public boolean allows(@Nullable String address) {
        if (ranges.isEmpty()) {
            return true;
        }
        if (address == null || !LITERAL.matcher(address).matches()) {
            return false;
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
        return ranges.stream().anyMatch(range -> range.contains(bytes));
    }

    private static Range range(String entry) {
        String message = "\"%s\" is not an IP address or a CIDR range such as 203.0.113.0/24."
                .formatted(entry.length() > 60 ? entry.substring(0, 60) + "\u2026" : entry);
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        if (!LITERAL.matcher(address).matches() || (!address.contains(".") && !address.contains(":"))) {
            throw new InvalidRequestException("ipRanges", message);
        }
        byte[] bytes;
        try {
            // A literal only (checked above), so this never asks a name server.
            bytes = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new InvalidRequestException("ipRanges", message);
        }
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = entry.substring(slash + 1);
            if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
                throw new InvalidRequestException("ipRanges", message);
            }
            prefix = Integer.parseInt(length);
        }
        byte[] network = mask(bytes, prefix);
        String text;
        try {
            text = InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        return new Range(network, prefix, text);
    }

    private static byte[] mask(byte[] address, int prefix) {
        BigInteger value = new BigInteger(1, address);
        int bits = address.length * 8;
        BigInteger masked = value.shiftRight(bits - prefix).shiftLeft(bits - prefix);
        byte[] raw = masked.toByteArray();
        byte[] out = new byte[address.length];
        int copy = Math.min(raw.length, out.length);
        System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
        return out;
    }

    private record Range(byte[] network, int prefix, String text) {

        boolean contains(byte[] address) {
            return address.length == network.length && Arrays.equals(mask(address, prefix), network);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Range that && that.text.equals(text);
        }

        @Override
        public int hashCode() {
            return text.hashCode();
        }
    }
}
