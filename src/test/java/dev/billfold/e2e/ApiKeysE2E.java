package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An Admin creates an API key in the back office (issue 17) and sees it once: the key works against the API at once,
 * and after a reload the page shows only its first characters. (The webhook endpoint part of this journey is the
 * webhooks' own.)
 */
@ExtendWith(BrowserExtension.class)
class ApiKeysE2E {

    @Test
    void the_operator_creates_a_key_sees_it_once_and_the_key_reads_the_api(Page page) throws Exception {
        page.navigate("/login");
        page.locator("vaadin-login-form input[name='username']").fill("operator");
        page.locator("vaadin-login-form input[name='password']").fill("demo");
        page.locator("vaadin-login-form vaadin-button[slot='submit']").click();
        page.waitForURL(url -> url.contains("/ops"));

        page.locator("#ops-nav-api-keys").click();
        page.waitForURL(url -> url.contains("/ops/api-keys"));
        String name = "Browser journey " + UUID.randomUUID().toString().substring(0, 8);
        page.locator("#api-key-name input").fill(name);
        page.locator("#api-key-create").click();

        assertThat(page.locator("#api-key-secret-box")).isVisible();
        assertThat(page.locator("#api-key-secret-note")).containsText("shown only this once");
        String key = page.locator("#api-key-secret input").inputValue();
        assertTrue(key.startsWith("bfk_test_") && key.length() == 52, "a test key of 52 characters: " + key.length());

        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(ProductionApp.get().baseUrl() + "/api/v1/accounts?limit=1"))
                .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());

        page.reload();
        assertThat(page.locator("#api-keys-grid")).containsText(name);
        assertThat(page.locator("#api-keys-grid")).containsText(key.substring(0, 15));
        assertThat(page.locator("#api-key-secret-box")).isHidden();
        assertTrue(!page.content().contains(key), "the key is on the page no more");
    }
}
