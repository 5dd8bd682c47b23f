package dev.billfold.security;

import dev.billfold.base.SupportReference;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, in the log's MDC ({@code requestId}) and in the X-Request-Id answer header (DD-083): the
 * caller's or the proxy's own X-Request-Id when it looks like an id, a new one otherwise. The error dispatch of the
 * same request keeps it, so that the error page's log line carries it too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIds extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = RequestIds.class.getName();
    /** Letters, digits and a few separators, 8 to 64 of them: nothing that could forge a log line or a field. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = request.getAttribute(ATTRIBUTE) instanceof String known ? known : idOf(request.getHeader(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        if (!response.isCommitted()) {
            response.setHeader(HEADER, id);
        }
        try (var ignored = MDC.putCloseable(SupportReference.REQUEST_ID, id)) {
            chain.doFilter(request, response);
        }
    }

    static String idOf(@Nullable String incoming) {
        return incoming != null && SANE.matcher(incoming).matches() ? incoming
                : UUID.randomUUID().toString().replace("-", "");
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }
}
