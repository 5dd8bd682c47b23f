package dev.billfold.gateway;

import java.util.regex.Pattern;

/** Return and cancel targets must be our own paths: no scheme, no host, no tricks that browsers read as a host. */
public final class LocalPaths {

    private static final Pattern OWN_PATH = Pattern.compile("/[A-Za-z0-9._~\\-/]*(\\?[A-Za-z0-9._~\\-=&%]*)?");

    private LocalPaths() {
    }

    public static boolean isOwnPath(String path) {
        return OWN_PATH.matcher(path).matches() && !path.startsWith("//") && !path.contains("/../")
                && !path.endsWith("/..");
    }
}
