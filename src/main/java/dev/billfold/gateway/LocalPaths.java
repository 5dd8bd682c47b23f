package dev.billfold.gateway;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Return and cancel targets (and any other "go here next" value) must be our own paths: no scheme, no host, no tricks
 * that browsers read as a host. An allow-list of plain ASCII characters, not a list of known tricks: browsers turn
 * {@code \} into {@code /}, drop tabs and newlines, and fold some Unicode slashes into {@code /}, so none of them may
 * appear, and neither may {@code %} in the path, which a later decoding could turn into any of them.
 */
public final class LocalPaths {

    private static final int MAX_LENGTH = 2048;
    private static final Pattern OWN_PATH = Pattern.compile("/[A-Za-z0-9._~\\-/]*(\\?[A-Za-z0-9._~\\-=&%]*)?");

    private LocalPaths() {
    }

    public static boolean isOwnPath(@Nullable String path) {
        if (path == null || path.length() > MAX_LENGTH || !OWN_PATH.matcher(path).matches()) {
            return false;
        }
        int query = path.indexOf('?');
        String pathPart = query < 0 ? path : path.substring(0, query);
        // "//host" is a host to a browser; ".." segments climb out of where the caller meant to send the customer.
        if (pathPart.startsWith("//")) {
            return false;
        }
        for (String segment : pathPart.split("/", -1)) {
            if (segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
