package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How the language is chosen (issue 21, DD-101), in a browser that asks for Swahili: the first visit follows its
 * Accept-Language; the header's switcher changes the page at once, with no reload and the typed amount kept; the
 * choice is kept for the user, so a reload and a new sign-in keep it. The Kenyan demo customer is used, whose
 * language no other journey changes, and is switched back to English at the end. On a phone the header has no room
 * for the switcher: it is in the menu, made when the menu is first opened.
 */
@ExtendWith(BrowserExtension.class)
class LanguageChoiceE2E {

    /** The balance in Kenyan shillings, as English ("KES 1,000.00") or Swahili ("Ksh 1,000.00") writes it. */
    private static final Pattern SHILLINGS = Pattern.compile("(KES|Ksh).*\\d");

    @Test
    void the_first_visit_follows_the_browser_and_the_switcher_changes_the_page_at_once_and_is_kept(Page english) {
        Browser browser = english.context().browser();
        try (BrowserContext swahili = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(ProductionApp.get().baseUrl()).setLocale("sw-KE").setTimezoneId("Africa/Nairobi"))) {
            swahili.setDefaultTimeout(20_000);
            Page page = swahili.newPage();
            var portal = new Portal(page).signIn("kenya", "demo", SHILLINGS);
            try {
                assertThat(page.locator("html")).hasAttribute("lang", "sw");
                assertThat(page.locator(".sign-out")).hasText("Ondoka");
                assertThat(page.locator("#header-balance")).containsText("Ksh");

                portal.amountInput().fill("1234");
                page.evaluate("() => window.__sameDocument = true");
                portal.chooseInSelect(page.locator("#language"), "Русский");

                assertThat(page.locator(".sign-out")).hasText("Выйти");
                assertThat(page.locator("html")).hasAttribute("lang", "ru");
                assertThat(portal.amountInput()).hasValue("1234");
                assertThat(page.locator("#header-balance")).containsText(",");
                page.waitForFunction("() => window.__sameDocument === true");

                page.reload();
                assertThat(page.locator(".sign-out")).hasText("Выйти");
            } finally {
                portal.chooseInSelect(page.locator("#language"), "English");
                assertThat(page.locator(".sign-out")).hasText("Sign out");
            }
        }
    }

    @Test
    @Viewport(width = 375, height = 812)
    void on_a_phone_the_switcher_is_in_the_menu(Page page) {
        var portal = new Portal(page).signIn("kenya", "demo", SHILLINGS);
        assertThat(page.locator("#language")).isHidden();
        assertThat(page.locator("#language-menu")).hasCount(0);
        try {
            page.locator("vaadin-drawer-toggle").click();
            assertThat(page.locator("#language-menu")).isVisible();
            portal.chooseInSelect(page.locator("#language-menu"), "Қазақша");

            assertThat(page.locator("html")).hasAttribute("lang", "kk");
            assertThat(page.locator("#drawer-menu a").first()).hasText("Толтыру");
        } finally {
            if (page.locator("#language-menu").isHidden()) {
                page.locator("vaadin-drawer-toggle").click();
            }
            portal.chooseInSelect(page.locator("#language-menu"), "English");
            assertThat(page.locator("html")).hasAttribute("lang", "en");
        }
    }
}
