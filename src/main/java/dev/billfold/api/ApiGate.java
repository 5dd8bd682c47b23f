package dev.billfold.api;

import dev.billfold.base.ReadBodyRequest;
import dev.billfold.ratelimit.RateDecision;
import dev.billfold.ratelimit.RateKey;
import dev.billfold.ratelimit.RateLimiter;
import dev.billfold.security.ApiClientAuthentication;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every authenticated API request passes after its client is known: the body size limit, the client's rate
 * limit (shared by all nodes, DD-056), and for a POST or PATCH with an {@code Idempotency-Key} the replay rules
 * (DD-074). A claimed request runs in one transaction with the write of its response, so a response is replayed
 * exactly when its change was committed.
 */
class ApiGate extends OncePerRequestFilter {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final String RATE_LIMIT = "api-per-client";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiProperties properties;
    private final RateLimiter limiter;
    private final IdempotencyStore store;
    private final TransactionTemplate own;
    private final TransactionTemplate request;
    private final Clock clock;

    ApiGate(ApiProperties properties, RateLimiter limiter, IdempotencyStore store,
            PlatformTransactionManager transactions, Clock clock) {
        this.properties = properties;
        this.limiter = limiter;
        this.store = store;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.request = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest http, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof ApiClientAuthentication api)) {
            chain.doFilter(http, response);
            return;
        }
        String client = api.client().client();
        long max = properties.maxBodySize().toBytes();
        if (http.getContentLengthLong() > max) {
            problem(response, HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "The request body is too large",
                    "A request body has at most %d bytes.".formatted(max));
            return;
        }
        RateDecision rate = limiter.tryAcquire(new RateKey(RATE_LIMIT, client));
        if (!rate.allowed()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, rate.retryAfter().toSeconds()
                    + (rate.retryAfter().toNanosPart() > 0 ? 1 : 0))));
            problem(response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                    "This client has used up its requests for now; try again " + RateDecision.inWords(
                            rate.retryAfter()) + ".");
            return;
        }
        boolean writes = "POST".equals(http.getMethod()) || "PATCH".equals(http.getMethod());
        if (!writes) {
            chain.doFilter(http, response);
            return;
        }
        byte[] body = read(http.getInputStream(), max);
        if (body == null) {
            problem(response, HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "The request body is too large",
                    "A request body has at most %d bytes.".formatted(max));
            return;
        }
        HttpServletRequest cached = new ReadBodyRequest(http, body);
        String key = http.getHeader(IDEMPOTENCY_KEY);
        if (key == null) {
            chain.doFilter(cached, response);
            return;
        }
        if (!KEY.matcher(key).matches()) {
            problem(response, HttpStatus.BAD_REQUEST, "invalid-idempotency-key", "The Idempotency-Key is not valid",
                    "An Idempotency-Key has 1 to 255 visible ASCII characters, e.g. a UUID.");
            return;
        }
        idempotent(cached, response, chain, client, key, hash(http, body));
    }

    private void idempotent(HttpServletRequest http, HttpServletResponse response, FilterChain chain, String client,
                            String key, String requestHash) throws IOException, ServletException {
        IdempotencyStore.Claim claim = Objects.requireNonNull(own.execute(status -> store.claim(client, key,
                requestHash, clock.instant(), properties.idempotencyTtl(), properties.idempotencyLease())));
        switch (claim) {
            case IdempotencyStore.Claim.Replay replay -> {
                response.setStatus(replay.status());
                response.setHeader(REPLAYED, "true");
                if (replay.location() != null) {
                    response.setHeader(HttpHeaders.LOCATION, replay.location());
                }
                if (replay.body() != null && !replay.body().isEmpty()) {
                    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                    response.getOutputStream().write(replay.body().getBytes(StandardCharsets.UTF_8));
                }
            }
            case IdempotencyStore.Claim.OtherRequest other -> problem(response, HttpStatus.UNPROCESSABLE_CONTENT,
                    "idempotency-key-reused", "The Idempotency-Key was used for another request",
                    "This Idempotency-Key was used with another request body or path; use a new key for a new "
                            + "request.");
            case IdempotencyStore.Claim.InProgress busy -> {
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                problem(response, HttpStatus.CONFLICT, "idempotency-key-in-use", "A request with this key is running",
                        "Another request with this Idempotency-Key is still running; try again in a moment to "
                                + "get its response.");
            }
            case IdempotencyStore.Claim.Claimed claimed -> run(http, response, chain, client, key);
        }
    }

    /**
     * The request and the write of its response in one transaction, which the services join. A refusal (anything but
     * 2xx) rolls back and gives the key back: nothing happened, so the client may correct the request and retry.
     */
    private void run(HttpServletRequest http, HttpServletResponse response, FilterChain chain, String client,
                     String key) throws IOException, ServletException {
        var captured = new ContentCachingResponseWrapper(response);
        boolean completed;
        try {
            completed = Boolean.TRUE.equals(request.execute(status -> {
                try {
                    chain.doFilter(http, captured);
                } catch (IOException | ServletException failed) {
                    throw new IllegalStateException(failed);
                }
                int code = captured.getStatus();
                if (code < 200 || code >= 300) {
                    status.setRollbackOnly();
                    return false;
                }
                store.complete(client, key, code, new String(captured.getContentAsByteArray(),
                        StandardCharsets.UTF_8), captured.getHeader(HttpHeaders.LOCATION));
                return true;
            }));
        } catch (RuntimeException failed) {
            own.executeWithoutResult(status -> store.release(client, key));
            throw failed;
        }
        if (!completed) {
            own.executeWithoutResult(status -> store.release(client, key));
        }
        captured.copyBodyToResponse();
    }

    /** The body, or null when it is longer than {@code max} (a chunked body has no Content-Length to check first). */
    private static byte @Nullable [] read(InputStream in, long max) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        return bytes.length > max ? null : bytes;
    }

    /** Method, path, query and body: the same key with any other of these is another request. */
    private static String hash(HttpServletRequest http, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((http.getMethod() + " " + http.getRequestURI() + "?"
                    + Objects.requireNonNullElse(http.getQueryString(), "") + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** An RFC 9457 problem written by a filter, where no controller advice reaches. */
    static void problem(HttpServletResponse response, HttpStatus status, String type, String title, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(Map.of("type", ApiProblems.TYPES + type,
                "title", title, "status", status.value(), "detail", detail)));
    }
}
