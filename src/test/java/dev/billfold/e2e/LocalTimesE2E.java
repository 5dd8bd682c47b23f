package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A customer whose browser is in Tashkent sees their own clock on the history pages, with the zone named. */
@ExtendWith(BrowserExtension.class)
class LocalTimesE2E {

    private static final ZoneId TASHKENT = ZoneId.of("Asia/Tashkent");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(TASHKENT);

    @Test
    void after_a_top_up_from_tashkent_the_history_shows_tashkent_time_and_names_the_zone(Page utcPage, ProductionApp app) {
        // The extension's browsers are in UTC (other tests compare times); this one gets a context of its own.
        Browser browser = utcPage.context().browser();
        try (BrowserContext tashkent = browser.newContext(new Browser.NewContextOptions().setBaseURL(app.baseUrl())
                .setViewportSize(BrowserExtension.DESKTOP_WIDTH, BrowserExtension.DESKTOP_HEIGHT).setLocale("en-US")
                .setTimezoneId("Asia/Tashkent"))) {
            tashkent.setDefaultTimeout(20_000);
            Page page = tashkent.newPage();
            var portal = new Portal(page).signInAsDemo();

            Instant before = Instant.now();
            portal.typeAmount("7.05").payAndExpectHistory();
            Instant after = Instant.now();

            assertThat(portal.detailStatus()).hasText("Credited");
            String detail = page.locator("#payment-detail").innerText();
            assertThat(detail).as("created at the Tashkent minute, with its offset")
                    .containsAnyOf(MINUTE.format(before) + " UTC+05:00", MINUTE.format(after) + " UTC+05:00");
            assertThat(page.locator("#history-grid")).containsText("Date (Asia/Tashkent)");

            portal.openTransactions();
            Locator timeline = page.locator("#timeline-grid");
            assertThat(timeline).containsText("Date (Asia/Tashkent)");

            // The date filter means Tashkent days: the top-up is in the day it shows, and not in the day after.
            LocalDate shownDay = LocalDate.ofInstant(after, TASHKENT);
            // The grid keeps rows it no longer shows in the page, hidden: only the text a customer sees counts.
            var shown = new LocatorAssertions.ContainsTextOptions().setUseInnerText(true);
            assertThat(timeline).containsText("$200.00", shown); // the demo account's opening top-up, days earlier
            chooseDay(page, "#from-filter", shownDay);
            assertThat(timeline).not().containsText("$200.00", shown);
            chooseDay(page, "#to-filter", shownDay);
            assertThat(timeline).containsText("$7.05", shown);

            chooseDay(page, "#from-filter", shownDay.plusDays(1));
            assertThat(page.locator("#timeline-error")).hasText("The end date is before the start date.");
            chooseDay(page, "#to-filter", shownDay.plusDays(1));
            assertThat(page.locator("#timeline-error")).isHidden();
            assertThat(timeline).not().containsText("$7.05", shown);
        }
    }

    /** Types the day into a date filter and commits it with Enter, as a customer does. */
    private static void chooseDay(Page page, String picker, LocalDate day) {
        Locator input = page.locator(picker + " input");
        input.fill(DateTimeFormatter.ofPattern("M/d/yyyy", Locale.US).format(day));
        input.press("Enter");
        new Portal(page).waitForServer();
    }
}
