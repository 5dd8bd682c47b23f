package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * M-Pesa through the demo provider, in a real browser against the production jar: the Kenyan demo account chooses
 * M-Pesa, enters a phone number, waits on "Check your phone", and the demo phone (a second tab) approves or declines.
 * The waiting page updates by itself.
 */
@ExtendWith(BrowserExtension.class)
class MpesaJourneyE2E {

    static final String DEMO_MPESA = "M-Pesa (demo phone)";
    static final Pattern KES_AMOUNT = Pattern.compile("KES.*\\d");

    @Test
    void approved_on_the_phone_is_credited(Page page) {
        Page phone = startPayment(page, "5000");

        phone.locator("#approve").click();

        assertThat(phone.locator("#phone-answer")).hasText("Approved. You can go back to Billfold.");
        assertThat(page.locator("#phone-status")).hasText("Credited");
        assertThat(page.locator("#phone-message")).hasText("KES 5,000.00 was added to your balance.");
    }

    @Test
    void declined_on_the_phone_is_rejected_with_its_message(Page page) {
        Page phone = startPayment(page, "6000");

        phone.locator("#decline").click();

        assertThat(page.locator("#phone-status")).hasText("Rejected");
        assertThat(page.locator("#phone-message"))
                .hasText("You cancelled the M-Pesa request on your phone. Nothing was charged.");
    }

    /** Signs in as the Kenyan demo user, pays by M-Pesa and opens the demo phone's prompt in a second tab. */
    private static Page startPayment(Page page, String amount) {
        var portal = new Portal(page).signIn("kenya", "demo", KES_AMOUNT);
        portal.typeAmount(amount).chooseMethod(DEMO_MPESA);
        page.locator("#phone input").fill("0712 345 678");
        page.locator("#phone input").blur();
        portal.payButton().click();

        assertThat(page.locator("#phone-status")).hasText("Waiting for payment");
        assertThat(page.locator("#phone-message")).containsText("Check your phone and enter your M-Pesa PIN.");
        String prompt = page.locator("#phone-simulator").getAttribute("href");
        Page phone = page.context().newPage();
        phone.navigate(prompt);
        assertThat(phone.locator("#amount")).hasText(Pattern.compile("KES.*" + amount.charAt(0) + ",000\\.00"));
        return phone;
    }
}
