package dev.billfold.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billfold.base.SupportReference;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Every request's id is in the MDC while it runs and in the answer; a sane incoming X-Request-Id is kept (DD-083). */
class RequestIdsTest {

    @Test
    void a_sane_incoming_request_id_is_kept_in_the_mdc_and_the_answer_and_gone_afterwards() throws Exception {
        var request = new MockHttpServletRequest("GET", "/topup");
        request.addHeader(RequestIds.HEADER, "lb-7f3a9c21.0001");
        var response = new MockHttpServletResponse();
        AtomicReference<String> seen = new AtomicReference<>();

        new RequestIds().doFilter(request, response,
                new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
                }, (req, res, chain) -> seen.set(MDC.get(SupportReference.REQUEST_ID))));

        assertThat(seen.get()).isEqualTo("lb-7f3a9c21.0001");
        assertThat(response.getHeader(RequestIds.HEADER)).isEqualTo("lb-7f3a9c21.0001");
        assertThat(MDC.get(SupportReference.REQUEST_ID)).isNull();
    }

    @Test
    void an_insane_or_missing_request_id_is_replaced_by_a_new_one() {
        assertThat(RequestIds.idOf("evil\nline {\"level\":\"ERROR\"}")).matches("[0-9a-f]{32}");
        assertThat(RequestIds.idOf(null)).matches("[0-9a-f]{32}");
        assertThat(RequestIds.idOf("short")).matches("[0-9a-f]{32}");
    }
}
