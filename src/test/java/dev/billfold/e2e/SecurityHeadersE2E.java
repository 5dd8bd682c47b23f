package dev.billfold.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The headers the production jar sends (docs/security.md item 5), read over plain HTTP as a proxy or a browser would
 * see them: no browser needed. The sign-in page, a portal page, a page outside Vaadin and the static resources each
 * carry the content security policy, nosniff, a same-origin referrer policy and no framing. HSTS and the Secure
 * cookie appear once the request is secure, here through a proxy's X-Forwarded-Proto.
 */
class SecurityHeadersE2E {

    private static final Pattern POLICY = Pattern.compile("default-src 'none'; "
            + "script-src 'self' 'nonce-([A-Za-z0-9+/]{22}==)' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'");
    private static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b[^>]*>");
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern BUNDLE = Pattern.compile("src=\"\\./(VAADIN/build/indexhtml-[^\"]+\\.js)\"");
    private static final Pattern SESSION_COOKIE = Pattern.compile("JSESSIONID=([^;]+)");

    private final String base = ProductionApp.get().baseUrl();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void the_sign_in_page_carries_the_policy_with_its_nonce_on_every_script_and_the_browser_defences() {
        HttpResponse<String> login = get("/login");

        assertThat(login.statusCode()).isEqualTo(200);
        String nonce = assertBrowserDefences(login);
        assertEveryScriptCarries(login, nonce);
        assertThat(login.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value)
                .contains("no-store"));
    }

    @Test
    void every_page_gets_a_nonce_of_its_own() {
        String first = assertBrowserDefences(get("/login"));
        String second = assertBrowserDefences(get("/login"));

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void a_portal_page_after_sign_in_carries_the_same_defences() {
        String session = signInAsDemo();

        HttpResponse<String> topUp = send(request("/").header("Cookie", "JSESSIONID=" + session));

        assertThat(topUp.statusCode()).isEqualTo(200);
        assertEveryScriptCarries(topUp, assertBrowserDefences(topUp));
    }

    @Test
    void a_page_outside_vaadin_and_the_static_resources_carry_them_and_the_bundle_stays_cacheable() {
        assertBrowserDefences(get("/demo-gateway/checkout/cs_demo_unknown"));
        assertBrowserDefences(get("/styles.css"));
        Matcher bundle = BUNDLE.matcher(get("/login").body());
        assertThat(bundle.find()).as("the bootstrap page names its bundle").isTrue();

        HttpResponse<String> script = get("/" + bundle.group(1));

        assertThat(script.statusCode()).isEqualTo(200);
        assertBrowserDefences(script);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(value -> assertThat(value)
                .startsWith("text/javascript"));
        assertThat(script.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value)
                .contains("max-age=").doesNotContain("no-store"));
        assertThat(script.headers().firstValue("Pragma")).isEmpty();
        assertThat(script.headers().firstValue("Expires")).isEmpty();
    }

    @Test
    void over_plain_http_there_is_no_hsts_and_the_session_cookie_is_http_only_and_lax_but_not_secure() {
        HttpResponse<String> login = get("/login");

        assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(sessionCookie(login)).contains("; HttpOnly").contains("; SameSite=Lax").doesNotContain("Secure");
    }

    @Test
    void behind_a_tls_proxy_the_response_sends_hsts_for_a_year_and_the_session_cookie_is_secure() {
        HttpResponse<String> login = send(request("/login").header("X-Forwarded-Proto", "https"));

        assertThat(login.statusCode()).isEqualTo(200);
        assertBrowserDefences(login);
        assertThat(login.headers().firstValue("Strict-Transport-Security"))
                .hasValue("max-age=31536000 ; includeSubDomains");
        assertThat(sessionCookie(login)).contains("; Secure").contains("; HttpOnly").contains("; SameSite=Lax");
    }

    /** The headers every response has; returns the policy's nonce. */
    private static String assertBrowserDefences(HttpResponse<String> response) {
        var headers = response.headers();
        String where = response.uri().getPath();
        assertThat(headers.allValues("X-Content-Type-Options")).as("nosniff on " + where).containsExactly("nosniff");
        assertThat(headers.allValues("Referrer-Policy")).as("referrer policy on " + where)
                .containsExactly("same-origin");
        assertThat(headers.allValues("X-Frame-Options")).as("frame options on " + where).containsExactly("DENY");
        List<String> policies = headers.allValues("Content-Security-Policy");
        assertThat(policies).as("content security policy on " + where).hasSize(1);
        Matcher policy = POLICY.matcher(policies.getFirst());
        assertThat(policy.matches()).as("the policy on %s: %s", where, policies.getFirst()).isTrue();
        return policy.group(1);
    }

    /** Vaadin's inline scripts (at least four) and its bundle's: none runs without the nonce. */
    private static void assertEveryScriptCarries(HttpResponse<String> page, String nonce) {
        List<String> scripts = SCRIPT_TAG.matcher(page.body()).results().map(MatchResult::group).toList();
        assertThat(scripts).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(script -> assertThat(script).contains(" nonce=\"" + nonce + "\""));
    }

    /** The demo user's form sign-in, as the login page posts it; returns the session id it ends with. */
    private String signInAsDemo() {
        HttpResponse<String> login = get("/login");
        String session = sessionId(login);
        Matcher csrf = META_CSRF.matcher(login.body());
        assertThat(csrf.find()).as("the sign-in page carries a CSRF token").isTrue();
        String form = "username=demo&password=demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = send(request("/login").header("Cookie", "JSESSIONID=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(signedIn.statusCode()).as("the sign-in redirects").isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .doesNotContain("error"));
        // A new session id at sign-in (session fixation defence).
        return sessionId(signedIn);
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie from " + response.uri()));
    }

    private static String sessionId(HttpResponse<String> response) {
        Matcher id = SESSION_COOKIE.matcher(sessionCookie(response));
        assertThat(id.find()).isTrue();
        return id.group(1);
    }

    private HttpResponse<String> get(String path) {
        return send(request(path));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
