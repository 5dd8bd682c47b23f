package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.billfold.e2e.Portal.DEMO_CHECKOUT;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The runway on the demo account (issue 22, journey 1): the top-up page and the header say how long the balance lasts
 * the demo services, a "cover" preset fills in what keeps them paid for that span, and once it is credited through
 * the demo checkout the runway reaches past the span and that preset is gone. Other journeys move the demo balance,
 * so the figures are read off the page, and the span is a year if the balance already covers three months.
 */
@ExtendWith(BrowserExtension.class)
class RunwayE2E {

    private static final Pattern COVERED_UNTIL =
            Pattern.compile("^Your balance covers your services until .+ \\((\\d+) days?\\)\\.$");
    private static final Pattern NOT_TODAY =
            Pattern.compile("^Your balance does not cover what falls due today: .+\\.$");
    private static final Pattern COVER = Pattern.compile("^Cover (3 months|1 year): (\\$[\\d,]+\\.\\d{2})\\s*$");

    @Test
    void a_cover_preset_tops_up_what_keeps_the_demo_services_paid_and_the_runway_grows_past_its_span(Page page) {
        var portal = new Portal(page).signInAsDemo().openTopUp();
        Locator runway = page.locator("#runway");
        assertThat(runway).hasText(Pattern.compile(COVERED_UNTIL.pattern() + "|" + NOT_TODAY.pattern()));
        assertThat(page.locator("#header-runway")).hasText(Pattern.compile("^(covers until .+ · \\d+ days?|"
                + "does not cover today's charges)$"));

        Locator cover = page.locator("#cover-3").count() > 0 ? page.locator("#cover-3") : page.locator("#cover-12");
        // The demo services cost $1,242.00 for a year: some span is not covered yet
        assertThat(cover).hasText(COVER);
        Matcher label = COVER.matcher(cover.textContent().strip());
        assertThat(label.matches()).isTrue();
        int months = label.group(1).equals("1 year") ? 12 : 3;
        BigDecimal amount = Portal.parseUsd(label.group(2));

        cover.click();
        assertThat(portal.amountInput()).hasValue(amount.toPlainString());
        portal.chooseMethod(DEMO_CHECKOUT).payAndExpectCheckout();
        portal.actAtCheckout("pay");
        assertThat(portal.banner()).hasAttribute("data-kind", "credited");

        portal.openTopUp();
        assertThat(runway).hasText(COVERED_UNTIL);
        Matcher after = COVERED_UNTIL.matcher(runway.textContent().strip());
        assertThat(after.matches()).isTrue();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(Long.parseLong(after.group(1)))
                .as("paid until the span's end at least").isGreaterThanOrEqualTo(
                        ChronoUnit.DAYS.between(today, today.plusMonths(months)));
        assertThat(page.locator("#cover-" + months)).hasCount(0);
    }
}
