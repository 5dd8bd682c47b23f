package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The invitation mail's link, for people who have no account yet: the demo owner invites from the members page, the
 * mail arrives (GreenMail), and the link is opened signed out and leads through the sign-in at the OIDC provider
 * (mock-oauth2-server) with a subject it has never seen. Only a sign-in whose verified e-mail is the invited one joins.
 * Each journey takes its newcomer out of Morgan Web Studio again, since the other journeys share it.
 */
@ExtendWith(BrowserExtension.class)
class InvitationsE2E {

    @Test
    void a_newcomer_opens_the_mailed_link_signs_in_at_the_provider_for_the_first_time_and_joins(Page page,
            ProductionApp app) {
        String email = "newcomer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String link = inviteAsDemo(page, email, null);
        String subject = "newcomer-" + UUID.randomUUID();
        String issuer = IdentityProvider.get().issuer();
        try {
            page.navigate(link);
            signInAtProvider(page, app, subject, email.toUpperCase(Locale.ROOT));

            page.waitForURL(url -> url.contains("/invitation/"));
            assertThat(page.locator("#invitation-outcome"))
                    .hasText("You joined Morgan Web Studio as Viewer. It is now your current account.");
            assertThat(page.locator("#invitation-outcome")).hasAttribute("data-kind", "success");
            assertThat(app.oidcMemberRole(issuer, subject, Portal.DEMO_ACCOUNT)).isEqualTo("VIEWER");

            page.locator("#invitation-home").click();
            assertThat(page.locator(".account-name")).hasText("Morgan Web Studio");
            assertThat(page.locator("#read-only-note")).containsText("Your role here is Viewer");
        } finally {
            app.removeOidcMember(issuer, subject, Portal.DEMO_ACCOUNT);
        }
    }

    @Test
    void a_forwarded_link_tells_someone_else_which_address_to_use_and_the_invitee_then_joins(Page page,
            ProductionApp app) {
        String email = "jane-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String link = inviteAsDemo(page, email, "Billing: top up, renew, payment methods");
        String someoneElse = "forwarded-to-" + UUID.randomUUID();
        String invitee = "jane-" + UUID.randomUUID();
        String issuer = IdentityProvider.get().issuer();
        try {
            page.navigate(link);
            signInAtProvider(page, app, someoneElse, "mallory@example.com");

            page.waitForURL(url -> url.contains("/invitation/"));
            assertThat(page.locator("#invitation-outcome"))
                    .hasText("This invitation is for j***@example.com; sign in with that address.");
            assertThat(page.locator("#invitation-outcome")).hasAttribute("data-kind", "error");
            assertThat(app.oidcMemberRole(issuer, someoneElse, Portal.DEMO_ACCOUNT)).isEmpty();

            page.locator("#invitation-sign-out").click();
            page.waitForURL(url -> url.startsWith(app.baseUrl()) && url.contains("/login"));
            page.navigate(link);
            signInAtProvider(page, app, invitee, email);

            page.waitForURL(url -> url.contains("/invitation/"));
            assertThat(page.locator("#invitation-outcome"))
                    .hasText("You joined Morgan Web Studio as Billing. It is now your current account.");
            assertThat(app.oidcMemberRole(issuer, invitee, Portal.DEMO_ACCOUNT)).isEqualTo("BILLING");
        } finally {
            app.removeOidcMember(issuer, invitee, Portal.DEMO_ACCOUNT);
        }
    }

    /**
     * The demo owner invites {@code email} with the role (null: the form's default, Viewer), signs out, and returns
     * the link from the mail.
     */
    private static String inviteAsDemo(Page page, String email, String role) {
        new Portal(page).signInAsDemo();
        page.locator("#drawer-menu a").filter(new Locator.FilterOptions().setHasText("Members")).click();
        page.waitForURL(url -> url.endsWith("/members"));
        page.locator("#invite-email input").fill(email);
        if (role != null) {
            choose(page, page.locator("#invite-role"), role);
        }
        page.locator("#invite").click();
        assertThat(page.locator("#members-message")).containsText("Invitation sent to " + email);
        String link = Mailbox.get().invitationLinkSentTo(email);

        page.locator("vaadin-button.sign-out").click();
        page.waitForURL(url -> url.contains("/login"));
        return link;
    }

    /** Opens a select and picks an item, retrying when the click lands on an overlay that is still closing. */
    private static void choose(Page page, Locator select, String label) {
        Locator item = page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText(label));
        for (int attempt = 1; ; attempt++) {
            item.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
            select.click();
            try {
                item.click(new Locator.ClickOptions().setTimeout(3_000));
                return;
            } catch (TimeoutError closedAgain) {
                if (attempt == 3) {
                    throw closedAgain;
                }
            }
        }
    }

    /** From the sign-in page the link led to: the provider's button, then its login form with these claims. */
    private static void signInAtProvider(Page page, ProductionApp app, String subject, String email) {
        page.waitForURL(url -> url.startsWith(app.baseUrl()) && url.contains("/login"));
        page.locator("#sign-in-" + IdentityProvider.REGISTRATION).click();
        page.waitForURL(url -> url.contains("/" + IdentityProvider.ISSUER_ID + "/authorize"));
        page.locator("input[name='username']").fill(subject);
        page.locator("textarea[name='claims']")
                .fill("{\"name\": \"Nina Newcomer\", \"email\": \"%s\", \"email_verified\": true}".formatted(email));
        page.locator("input[type='submit']").click();
    }
}
