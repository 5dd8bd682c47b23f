package dev.billfold.base;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.MDC;

/**
 * The reference an error page shows and the log line of the failure carries, so that support finds one from the
 * other (DD-083): the trace id when tracing is on, else a random id. Also the names of the log's MDC fields.
 */
public final class SupportReference {

    /** The request's id (X-Request-Id), set for every HTTP request. */
    public static final String REQUEST_ID = "requestId";
    /** The payment a line is about, where a service works on one. */
    public static final String PAYMENT_ID = "paymentId";
    /** The account a line is about, where a service works on one. */
    public static final String ACCOUNT_ID = "accountId";
    /** Micrometer Tracing's name for the trace id in the MDC. */
    public static final String TRACE_ID = "traceId";

    private static final SecureRandom RANDOM = new SecureRandom();

    private SupportReference() {
    }

    /** The reference for a failure happening now, on this thread. */
    public static String next() {
        String trace = MDC.get(TRACE_ID);
        if (trace != null && !trace.isBlank() && !trace.chars().allMatch(c -> c == '0')) {
            return trace;
        }
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
