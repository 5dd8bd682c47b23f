package dev.billfold.gateway;

import dev.billfold.base.ReadBodyRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps a provider's webhook body before anything reads it. A webhook is open to anyone, and its signature can only be
 * checked once the body is read, so without a cap any stranger could make us hold as much as they care to send. A
 * declared length over the cap is refused before a byte is read; any other body (chunked, or shorter than declared)
 * is read up to one byte past the cap and refused there, so never more than that is held. The providers' events are
 * a few kilobytes. Runs first, before the security chain and anything else that might read.
 */
@Component
@FilterRegistration(name = "webhookBodyLimit", urlPatterns = WebhookBodyLimit.PATHS,
        order = Ordered.HIGHEST_PRECEDENCE + 10)
class WebhookBodyLimit extends OncePerRequestFilter {

    static final String PATHS = "/webhooks/*";
    /** 1 MB: the largest webhook body read. */
    static final int MAX_BYTES = 1024 * 1024;
    static final String REFUSAL = "Request body too large: a webhook has at most 1 MB (1048576 bytes).";

    private static final Logger log = LoggerFactory.getLogger(WebhookBodyLimit.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            refuse(request, response, "declared " + request.getContentLengthLong() + " bytes");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            refuse(request, response, "more than " + MAX_BYTES + " bytes sent");
            return;
        }
        chain.doFilter(new ReadBodyRequest(request, body), response);
    }

    /**
     * 413 with a one-line reason, sent at once and with the connection to be closed, so the sender learns before
     * sending the rest, and the rest is never read into anything.
     */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, String what)
            throws IOException {
        log.warn("Webhook {} refused: body too large ({})", request.getRequestURI(), what);
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setHeader(HttpHeaders.CONNECTION, "close");
        response.setContentType(MediaType.TEXT_PLAIN_VALUE);
        byte[] reason = REFUSAL.getBytes(StandardCharsets.US_ASCII);
        response.setContentLength(reason.length);
        response.getOutputStream().write(reason);
        response.flushBuffer();
    }
}
