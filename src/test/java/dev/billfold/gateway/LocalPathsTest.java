package dev.billfold.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalPathsTest {

    @ParameterizedTest(name = "refused: [{0}]")
    @ValueSource(strings = {
            "",
            "evil.com",
            "//evil.com",
            "//evil.com/payment-return/1",
            "///evil.com",
            "https://evil.com",
            "http://localhost.evil.com/",
            "https:evil.com",
            "https:/evil.com",
            "/\\evil.com",
            "\\\\evil.com",
            "\\/evil.com",
            "/%2F%2Fevil.com",
            "%2F%2Fevil.com",
            "/%5Cevil.com",
            "/%2e%2e/%2e%2e/logout",
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "/\t/evil.com",
            "/\n/evil.com",
            "/\r\n/evil.com",
            "/history\n",
            "\t//evil.com",
            " /history",
            "/history ",
            "//user@evil.com",
            "/@evil.com",
            "/history@evil.com",
            "https://billfold.example@evil.com/",
            "/\u2215\u2215evil.com",
            "/\uFF0F\uFF0Fevil.com",
            "\uFF0F\uFF0Fevil.com",
            "/\u3002evil.com",
            "/payment-return/../../evil",
            "/..",
            "/a/../../b",
            "/history#//evil.com",
            "/history?next=//evil.com#x",
            "/history?next=https://evil.com",
            "/history?x=<script>",
            "/hist\u00f6ry",
            "/history\u0000",
    })
    void off_site_and_tricky_targets_are_refused(String target) {
        assertThat(LocalPaths.isOwnPath(target)).isFalse();
    }

    @ParameterizedTest(name = "accepted: [{0}]")
    @ValueSource(strings = {
            "/",
            "/history",
            "/payment-return/6f1c1e4e-2b1a-4f38-9d7e-0c0b3f6a1d2e",
            "/payment-return/6f1c1e4e-2b1a-4f38-9d7e-0c0b3f6a1d2e?outcome=cancel",
            "/history?payment=6f1c1e4e-2b1a-4f38-9d7e-0c0b3f6a1d2e&status=CREDITED",
            "/history?q=a%20b",
            "/a/..b/c.d",
    })
    void own_paths_are_accepted(String path) {
        assertThat(LocalPaths.isOwnPath(path)).isTrue();
    }

    @Test
    void null_and_overlong_paths_are_refused() {
        assertThat(LocalPaths.isOwnPath(null)).isFalse();
        assertThat(LocalPaths.isOwnPath("/" + "a".repeat(3000))).isFalse();
    }
}
