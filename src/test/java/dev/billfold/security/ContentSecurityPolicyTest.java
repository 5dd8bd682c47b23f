package dev.billfold.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The policy's nonce is fresh for every request and the same for everything that answers one request; the policy is
 * written only where Vaadin runs in production mode. That the production jar sends it, and that the bootstrap page's
 * scripts carry the nonce, is {@code e2e.SecurityHeadersE2E}.
 */
class ContentSecurityPolicyTest {

    private final ContentSecurityPolicy production = new ContentSecurityPolicy(true);

    @Test
    void each_request_gets_a_policy_with_a_nonce_of_its_own_that_its_page_can_read() {
        var first = new MockHttpServletRequest();
        var second = new MockHttpServletRequest();

        String firstPolicy = policyFor(first);
        String secondPolicy = policyFor(second);

        String nonce = (String) first.getAttribute(ContentSecurityPolicy.NONCE_ATTRIBUTE);
        assertThat(nonce).matches("[A-Za-z0-9+/]{22}==");
        assertThat(firstPolicy).isEqualTo(ContentSecurityPolicy.POLICY.replace("{nonce}", nonce))
                .contains("script-src 'self' 'nonce-" + nonce + "' 'unsafe-eval'", "frame-ancestors 'none'");
        assertThat(secondPolicy).isNotEqualTo(firstPolicy);
    }

    @Test
    void a_second_dispatch_of_the_same_request_keeps_its_nonce() {
        var request = new MockHttpServletRequest();

        assertThat(policyFor(request)).isEqualTo(policyFor(request));
    }

    @Test
    void a_policy_the_response_already_has_is_left_alone() {
        var response = new MockHttpServletResponse();
        response.setHeader(ContentSecurityPolicy.HEADER, "default-src 'self'");

        production.writeHeaders(new MockHttpServletRequest(), response);

        assertThat(response.getHeaders(ContentSecurityPolicy.HEADER)).containsExactly("default-src 'self'");
    }

    @Test
    void vaadin_in_development_mode_gets_no_policy_since_its_dev_tools_are_inline_scripts_without_the_nonce() {
        var request = new MockHttpServletRequest();
        var response = new MockHttpServletResponse();

        new ContentSecurityPolicy(false).writeHeaders(request, response);

        assertThat(response.getHeader(ContentSecurityPolicy.HEADER)).isNull();
        assertThat(request.getAttribute(ContentSecurityPolicy.NONCE_ATTRIBUTE)).isNull();
    }

    private String policyFor(MockHttpServletRequest request) {
        var response = new MockHttpServletResponse();
        production.writeHeaders(request, response);
        return response.getHeader(ContentSecurityPolicy.HEADER);
    }
}
