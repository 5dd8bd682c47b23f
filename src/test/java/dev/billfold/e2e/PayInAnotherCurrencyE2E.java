package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.billfold.e2e.Portal.DEMO_CHECKOUT;
import static dev.billfold.e2e.Portal.STEPPE_ACCOUNT;
import static dev.billfold.e2e.Portal.kzt;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 19's journeys of paying in another currency (DD-099), in the production app with the demo's fixed rates
 * (1 USD = 470 KZT = 12,750 UZS) and the default 1.5 % spread: Dana's Steppe Networks (KZT) pays in UZS through the
 * demo checkout, is shown the locked price first, and is credited the KZT it was quoted; a price that expired before
 * it was confirmed is never paid, a new one is shown with the reason and paid once confirmed. Each journey compares
 * Dana's balance before and after, as the other journeys on her account do. Together they credit KZT 4,631.79, which
 * keeps her balance below the VPS's month of KZT 9,500: ProviderRefundsE2E's dispute needs a renewal to spend more
 * than the balance held before its top-up.
 */
@ExtendWith(BrowserExtension.class)
class PayInAnotherCurrencyE2E {

    private static final Pattern FRESH_COUNTDOWN = Pattern.compile("^Rate valid for 1[45]:\\d\\d$");

    @Test
    void a_kzt_account_pays_in_uzs_at_the_demo_checkout_and_is_credited_the_kzt_it_was_quoted(Page page) {
        var portal = new Portal(page).signIn("other", "demo", Portal.KZT_AMOUNT);
        BigDecimal before = portal.headerBalanceKzt();

        portal.choosePayCurrency("UZS").switchAmountCurrency("UZS").typeAmount("100000").chooseMethod(DEMO_CHECKOUT)
                .askForPrice();
        // 100,000 UZS × 0.036317975466 = 3,631.79 KZT, rounded down
        assertThat(portal.quotePrice()).hasText("You pay UZS 100,000.00 · KZT 3,631.79 will be credited · "
                + "1 UZS = 0.036318 KZT");
        assertThat(page.locator("#quote-rate")).containsText("The rate includes a 1.5% spread on the mid rate of "
                + "1 UZS = 0.0368627 KZT · rate source: fixed");
        assertThat(portal.quoteCountdown()).hasText(FRESH_COUNTDOWN);

        portal.payAndExpectCheckout();
        // The provider charges the quoted pay amount.
        assertThat(page.locator("#amount")).hasText("UZS 100,000.00");
        portal.actAtCheckout("pay");

        assertThat(portal.banner()).hasAttribute("data-kind", "credited");
        assertThat(portal.detailStatus()).hasText("Credited");
        assertThat(page.locator("#detail-amount")).hasText("KZT 3,631.79");
        assertThat(page.locator("#detail-paid-in")).containsText("UZS 100,000.00 at 1 UZS = 0.0363180 KZT");
        assertThat(portal.headerBalance()).hasText(kzt(before.add(new BigDecimal("3631.79"))));
    }

    @Test
    void a_price_expired_before_it_was_confirmed_is_shown_anew_with_the_reason_and_paid_once_confirmed_again(
            Page page, ProductionApp app) {
        var portal = new Portal(page).signIn("other", "demo", Portal.KZT_AMOUNT);
        BigDecimal before = portal.headerBalanceKzt();
        portal.choosePayCurrency("UZS").typeAmount("1000").chooseMethod(DEMO_CHECKOUT).askForPrice();
        // 1,000 KZT ÷ 0.036317975466 = 27,534.58 UZS, rounded up
        String price = "You pay UZS 27,534.58 · KZT 1,000.00 will be credited · 1 UZS = 0.036318 KZT";
        assertThat(portal.quotePrice()).hasText(price);
        int payments = app.paymentCount(STEPPE_ACCOUNT);

        app.expireNewestQuote(STEPPE_ACCOUNT);
        portal.payButton().click();

        assertThat(portal.quoteExpired()).hasText("The price of UZS 27,534.58 for KZT 1,000.00 has expired. "
                + "Rates move: check the new quote and confirm again.");
        assertThat(portal.quotePrice()).hasText(price);
        assertThat(portal.quoteCountdown()).hasText(FRESH_COUNTDOWN);
        assertThat(portal.payButton()).hasText("Confirm and pay");
        assertThat(app.paymentCount(STEPPE_ACCOUNT)).as("nothing paid at a price not confirmed").isEqualTo(payments);

        portal.payAndExpectCheckout();
        assertThat(page.locator("#amount")).hasText("UZS 27,534.58");
        portal.actAtCheckout("pay");
        assertThat(portal.banner()).hasAttribute("data-kind", "credited");
        assertThat(portal.headerBalance()).hasText(kzt(before.add(new BigDecimal("1000.00"))));
        assertThat(app.paymentCount(STEPPE_ACCOUNT)).isEqualTo(payments + 1);
    }
}
