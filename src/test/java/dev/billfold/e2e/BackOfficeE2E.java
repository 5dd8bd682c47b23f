package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The provider's demo staff member finds Morgan Web Studio by its account number in the back office and opens its
 * page; a customer never gets there. Read only: nothing here changes the data the other journeys share.
 */
@ExtendWith(BrowserExtension.class)
class BackOfficeE2E {

    /** Morgan Web Studio's account number in the demo data (DD-059). */
    private static final String MORGAN_NUMBER = "100000114";

    @Test
    void the_operator_finds_an_account_by_its_number_and_opens_its_page(Page page) {
        page.navigate("/login");
        page.locator("vaadin-login-form input[name='username']").fill("operator");
        page.locator("vaadin-login-form input[name='password']").fill("demo");
        page.locator("vaadin-login-form vaadin-button[slot='submit']").click();
        page.waitForURL(url -> url.endsWith("/ops"));
        assertThat(page.locator("#ops-header")).containsText("Billfold back office");

        page.locator("#ops-search-query input").fill(MORGAN_NUMBER.substring(0, 7));
        page.locator("#ops-search-button").click();
        assertThat(page.locator("#ops-search-results")).containsText("Morgan Web Studio");
        page.locator(".ops-account-link").filter(new Locator.FilterOptions()
                .setHasText(MORGAN_NUMBER)).click();

        page.waitForURL(url -> url.contains("/ops/account?id="));
        assertThat(page.locator("#ops-account-name")).hasText("Morgan Web Studio");
        assertThat(page.locator("#ops-account-number")).hasText("Account number " + MORGAN_NUMBER);
        assertThat(page.locator("#ops-payers")).containsText("Morgan Web Studio LLC");
        assertThat(page.locator("#ops-members")).containsText("Jordan Lee");
        assertThat(page.locator("#ops-methods")).containsText(Portal.SAVED_CARD);
        assertThat(page.locator("#ops-payments")).containsText("INV-DEMO-000001");
    }

    @Test
    void a_customer_cannot_open_the_back_office(Page page) {
        new Portal(page).signInAsDemo();
        assertThat(page.locator("#account-number")).hasText("No. " + MORGAN_NUMBER);

        // With the customer's cookies: the HTTP layer refuses /ops before any view (Chromium shows no 403 page).
        APIResponse response = page.context().request().get("/ops");

        assertEquals(403, response.status());
        assertEquals(403, page.context().request().get("/ops/account?id=" + Portal.DEMO_ACCOUNT).status());
    }
}
