package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.billfold.e2e.Portal.DEMO_CHECKOUT;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo customer switches the header's language, tops up with a preset through the demo checkout and reads the
 * outcome in the history, all in that language (issue 21). The choice is stored for the user, so every journey ends
 * by switching back to English, and the stored language is reset after each test even if it failed half-way.
 */
@ExtendWith(BrowserExtension.class)
class TopUpInRussianAndKazakhE2E {

    @AfterEach
    void demoSpeaksEnglishAgain(ProductionApp app) {
        app.speakEnglishTo("demo");
    }

    @Test
    void a_top_up_in_russian_reads_russian_from_the_form_to_the_history(Page page) {
        topUpIn(page, "Русский", new Texts("ru", "Пополните баланс", "Пополнить", "История платежей", "Платёж зачислен",
                "Зачислен"));
    }

    @Test
    void a_top_up_in_kazakh_reads_kazakh_from_the_form_to_the_history(Page page) {
        topUpIn(page, "Қазақша", new Texts("kk", "Балансыңызды толтырыңыз", "Толтыру", "Төлемдер тарихы",
                "Төлем есепке алынды", "Есепке алынды"));
    }

    private static void topUpIn(Page page, String language, Texts expected) {
        var portal = new Portal(page).signInAsDemo();
        try {
            portal.chooseInSelect(page.locator("#language"), language);
            assertThat(page.locator(".top-up-view h2")).hasText(expected.topUpTitle());
            assertThat(portal.payButton()).hasText(expected.payButton());
            assertThat(page.locator("html")).hasAttribute("lang", expected.tag());

            portal.choosePreset("100").chooseMethod(DEMO_CHECKOUT).payAndExpectCheckout();
            portal.actAtCheckout("pay");

            assertThat(page.locator(".history-view h2")).hasText(expected.historyTitle());
            assertThat(portal.banner()).hasAttribute("data-kind", "credited");
            assertThat(portal.banner()).containsText(expected.creditedBanner());
            assertThat(portal.detailStatus()).hasText(expected.creditedStatus());
            assertThat(page.locator("body")).not().containsText("!{");
        } finally {
            portal.chooseInSelect(page.locator("#language"), "English");
        }
    }

    private record Texts(String tag, String topUpTitle, String payButton, String historyTitle, String creditedBanner,
                         String creditedStatus) {
    }
}
