package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sign-in through an OIDC provider's own login page (mock-oauth2-server, started by the test before the production
 * jar), as a customer whose identity an operator linked to the demo account beforehand.
 */
@ExtendWith(BrowserExtension.class)
class OidcSignInE2E {

    @Test
    void sign_in_at_the_provider_lands_on_top_up_and_sign_out_also_ends_the_provider_session(Page page, ProductionApp app) {
        var idp = IdentityProvider.get();
        String subject = "erin-" + UUID.randomUUID();
        app.provisionOidcMember(idp.issuer(), subject, Portal.DEMO_ACCOUNT, "BILLING");
        idp.requestedPaths();

        page.navigate("/login");
        assertThat(page.locator("#sign-in-" + IdentityProvider.REGISTRATION)).hasText("Sign in with " + IdentityProvider.CLIENT_NAME);
        assertThat(page.locator("vaadin-login-form")).isVisible();
        page.locator("#sign-in-" + IdentityProvider.REGISTRATION).click();

        page.waitForURL(url -> url.contains("/" + IdentityProvider.ISSUER_ID + "/authorize"));
        assertThat(page.url()).contains("code_challenge=", "code_challenge_method=S256");
        page.locator("input[name='username']").fill(subject);
        page.locator("textarea[name='claims']")
                .fill("{\"name\": \"Erin Example\", \"email\": \"erin@example.com\", \"email_verified\": true}");
        page.locator("input[type='submit']").click();

        page.waitForURL(url -> url.startsWith(app.baseUrl()) && !url.contains("/login"));
        assertThat(page.locator("#balance")).hasText(Pattern.compile("\\$[\\d,]+\\.\\d{2}"));
        assertThat(page.locator(".account-name")).hasText("Morgan Web Studio");
        assertThat(app.oidcUserNameAndEmail(idp.issuer(), subject)).isEqualTo("Erin Example <erin@example.com>");

        page.locator("vaadin-button.sign-out").click();

        page.waitForURL(url -> url.startsWith(app.baseUrl()) && url.contains("/login"));
        assertThat(idp.requestedPaths()).anyMatch(path -> path.startsWith("/" + IdentityProvider.ISSUER_ID + "/endsession"));
        page.navigate("/history");
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
    }
}
