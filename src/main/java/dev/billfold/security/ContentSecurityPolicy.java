package dev.billfold.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.stereotype.Component;

/**
 * The Content-Security-Policy of every response, with a fresh nonce per request that Vaadin's bootstrap page puts on
 * its script tags, so that no inline script without it runs (docs/security.md item 5, DD-054).
 *
 * <p>What Vaadin 25.2 needs and why each source is there: {@code 'unsafe-eval'} because Flow's client turns the
 * expressions the server sends (event data, executeJs) into functions; {@code 'unsafe-inline'} styles because the
 * components' bundle adds {@code <style>} elements and style attributes without a nonce; {@code data:} images and
 * fonts for the components' icons (SVG masks) and Lumo's icon font; {@code base-uri 'self'} because every Vaadin
 * page carries a {@code <base href>}. Provider checkouts are reached by navigation, never by a form post, so
 * {@code form-action} stays {@code 'self'}.
 *
 * <p>Only where Vaadin runs in production mode: in development mode Vaadin adds its dev tools as inline scripts after
 * the page listeners have run, so they could carry no nonce.
 */
@Component
class ContentSecurityPolicy implements HeaderWriter, VaadinServiceInitListener {

    static final String HEADER = "Content-Security-Policy";
    /** The request attribute that holds the nonce; the name Spring Security 7.2's own nonce support uses. */
    static final String NONCE_ATTRIBUTE = "_csp_nonce";
    static final String NONCE_PLACEHOLDER = "{nonce}";
    static final String POLICY = String.join("; ",
            "default-src 'none'",
            "script-src 'self' 'nonce-" + NONCE_PLACEHOLDER + "' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /** 128 bits from a SecureRandom, the least CSP asks of a nonce. */
    private static final StringKeyGenerator NONCES = new Base64StringKeyGenerator(Base64.getEncoder(), 16);

    private final boolean enforced;

    ContentSecurityPolicy(@Value("${vaadin.productionMode:false}") boolean productionMode) {
        this.enforced = productionMode;
    }

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (enforced && !response.containsHeader(HEADER)) {
            response.setHeader(HEADER, POLICY.replace(NONCE_PLACEHOLDER, nonce(request)));
        }
    }

    /** Stamps the request's nonce on every script of the bootstrap page, Vaadin's inline ones included. */
    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(page -> {
            if (page.getVaadinRequest().getAttribute(NONCE_ATTRIBUTE) instanceof String nonce) {
                page.getDocument().getElementsByTag("script").attr("nonce", nonce);
            }
        });
    }

    /** One nonce per request: an error dispatch of the same request keeps the one its header already names. */
    private static String nonce(HttpServletRequest request) {
        if (request.getAttribute(NONCE_ATTRIBUTE) instanceof String nonce) {
            return nonce;
        }
        String nonce = NONCES.generateKey();
        request.setAttribute(NONCE_ATTRIBUTE, nonce);
        return nonce;
    }
}
