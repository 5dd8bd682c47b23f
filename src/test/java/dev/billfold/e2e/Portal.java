package dev.billfold.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a customer does in the portal, in the words of the page: element ids the views promise, labels they show.
 * Every step waits for the page to show its result, so a test reads as the journey.
 */
final class Portal {

    static final UUID DEMO_ACCOUNT = UUID.fromString("a0000000-0000-0000-0000-000000000001");
    /** Dana Sultan's Steppe Networks, in KZT. */
    static final UUID STEPPE_ACCOUNT = UUID.fromString("a0000000-0000-0000-0000-000000000002");
    static final String ALEX = "Alex Morgan (Individual)";
    static final String COMPANY = "Morgan Web Studio LLC (Company)";
    static final String SAVED_CARD = "Visa •••• 4242, 12/29";
    static final String DEMO_CHECKOUT = "Card (demo checkout)";
    static final String INVOICE = "Invoice (bank transfer)";
    /** Offered in the browser tests' USD account: the shared app runs with PayPal pointed at the local PayPal fake. */
    static final String PAYPAL = "PayPal";

    static final String DECLINED_CARD = "4000000000000002";

    static final Pattern KZT_AMOUNT = Pattern.compile("KZT.*\\d");
    private static final Pattern USD_AMOUNT = Pattern.compile("-?\\$[\\d,]+\\.\\d{2}");
    private static final Pattern CHECKOUT_PAGE = Pattern.compile(".*/demo-gateway/checkout/cs_demo_[^/?#]+$");
    private static final Pattern HISTORY_WITH_PAYMENT = Pattern.compile(".*/history\\?payment=[0-9a-f-]{36}$");

    private final Page page;

    Portal(Page page) {
        this.page = page;
    }

    /** Signs in through the real form and lands on the top-up page. */
    Portal signIn(String username, String password) {
        return signIn(username, password, USD_AMOUNT);
    }

    /** Signs in through the real form as a user whose account is not in dollars; waits for its balance. */
    Portal signIn(String username, String password, Pattern balance) {
        submitSignIn(page, username, password);
        assertThat(page.locator("#balance")).hasText(balance);
        return this;
    }

    private static void submitSignIn(Page page, String username, String password) {
        page.navigate("/login");
        page.locator("vaadin-login-form input[name='username']").fill(username);
        page.locator("vaadin-login-form input[name='password']").fill(password);
        page.locator("vaadin-login-form vaadin-button[slot='submit']").click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    Portal signInAsDemo() {
        return signIn("demo", "demo");
    }

    Page page() {
        return page;
    }

    // ---- top-up page ---------------------------------------------------------------------------------------------

    Portal openTopUp() {
        return openTopUp(USD_AMOUNT);
    }

    /** The top-up page of an account whose balance looks like {@code balance}. */
    Portal openTopUp(Pattern balance) {
        page.navigate("/");
        assertThat(page.locator("#balance")).hasText(balance);
        return this;
    }

    Locator amountInput() {
        return page.locator("#amount input");
    }

    Portal typeAmount(String amount) {
        amountInput().fill(amount);
        // The field sends its value on change; leaving it makes that happen before anything else.
        amountInput().blur();
        return this;
    }

    Portal choosePreset(String preset) {
        page.locator("#preset-" + preset).click();
        // Playwright runs the pattern as a JavaScript RegExp: no \Q...\E quoting; presets are plain digits anyway.
        assertThat(amountInput()).hasValue(Pattern.compile("^" + preset + "(\\.00)?$"));
        return this;
    }

    /** Picks the payer in the top-up form (a one-off choice for this payment). */
    Portal choosePayer(String displayName) {
        chooseInSelect(page.locator("#payer"), displayName);
        return this;
    }

    /** Picks the active payer in the header (remembered for the user). */
    Portal switchActivePayer(String displayName) {
        chooseInSelect(activePayer(), displayName);
        return this;
    }

    Locator activePayer() {
        return page.locator("#active-payer");
    }

    /**
     * Opens a select and picks an item. Several selects on the page offer the same payers, so only the items of the
     * open one count: the visible ones in a list box (each select also shows a copy of its chosen item in its button). A click that lands while the overlay of the previous choice is still closing
     * opens it only for the closing animation to shut it again; so wait until no item is visible, open it, and try
     * again if the item vanishes before the click.
     */
    void chooseInSelect(Locator select, String text) {
        Locator item = page.locator("vaadin-select-list-box vaadin-select-item:visible").filter(new Locator.FilterOptions().setHasText(text));
        for (int attempt = 1; ; attempt++) {
            assertThat(page.locator("vaadin-select-list-box vaadin-select-item:visible")).hasCount(0);
            select.click();
            try {
                item.click(new Locator.ClickOptions().setTimeout(3_000));
                break;
            } catch (TimeoutError closedAgain) {
                if (attempt == 3) {
                    throw closedAgain;
                }
            }
        }
        assertThat(select).containsText(text);
        // The choice reloads what depends on it (the payer's methods): a click before that answer arrives would land
        // on the list it replaces.
        waitForServer();
    }

    /** Waits until Flow has no request in flight and nothing queued, as Vaadin's own TestBench does. */
    void waitForServer() {
        page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && Object.values(window.Vaadin.Flow.clients)"
                + ".every(client => typeof client.isActive !== 'function' || !client.isActive())");
    }

    Locator methodOptions() {
        return page.locator("#method vaadin-radio-button");
    }

    Locator method(String label) {
        return methodOptions().filter(new Locator.FilterOptions().setHasText(label));
    }

    Locator checkedMethod() {
        return page.locator("#method vaadin-radio-button[checked]");
    }

    Portal chooseMethod(String label) {
        method(label).click();
        assertThat(checkedMethod()).hasText(label);
        return this;
    }

    Locator payButton() {
        return page.locator("#pay");
    }

    /** Clicks "Top up" and waits for the demo provider's hosted checkout page. */
    Portal payAndExpectCheckout() {
        payButton().click();
        page.waitForURL(CHECKOUT_PAGE);
        return this;
    }

    /** Clicks "Top up" and waits for the payment history with the new payment. */
    Portal payAndExpectHistory() {
        payButton().click();
        return awaitHistoryWithPayment();
    }

    Locator amountError() {
        return page.locator("#amount [slot='error-message']");
    }

    // ---- paying in another currency (DD-099) ---------------------------------------------------------------------

    /** Picks the pay currency by its code ("UZS"); the methods that take it load with it. */
    Portal choosePayCurrency(String code) {
        chooseInSelect(page.locator("#pay-currency"), code + " ·");
        return this;
    }

    /** Types the amount in the pay currency instead of the account's (or back). */
    Portal switchAmountCurrency(String to) {
        page.locator("#amount-in").click();
        assertThat(page.locator("#amount > [slot='prefix']")).hasText(to);
        return this;
    }

    /** Clicks "See the price" and waits for the price. */
    Portal askForPrice() {
        assertThat(payButton()).hasText("See the price");
        payButton().click();
        assertThat(quotePrice()).isVisible();
        assertThat(payButton()).hasText("Confirm and pay");
        return this;
    }

    Locator quotePrice() {
        return page.locator("#quote-price");
    }

    Locator quoteCountdown() {
        return page.locator("#quote-countdown");
    }

    Locator quoteExpired() {
        return page.locator("#quote-expired");
    }

    // ---- the demo provider's checkout page ----------------------------------------------------------------------

    Portal chooseTestCard(String number) {
        page.locator("select#card").selectOption(number);
        return this;
    }

    /** Clicks one of the checkout page's buttons (pay, decline, pending, cancel) and follows the redirect home. */
    Portal actAtCheckout(String buttonId) {
        page.locator("button#" + buttonId).click();
        return awaitHistoryWithPayment();
    }

    // ---- payers page ---------------------------------------------------------------------------------------------

    /** Follows the side navigation's "Payers" link, as a customer would. */
    Portal openPayersFromMenu() {
        page.locator("#drawer-menu a").filter(new Locator.FilterOptions().setHasText("Payers")).click();
        page.waitForURL(Pattern.compile(".*/payers$"));
        assertThat(page.locator("#active-payers")).isVisible();
        return this;
    }

    Locator payerCard(String legalName) {
        return page.locator(".payer-card").filter(new Locator.FilterOptions().setHasText(legalName));
    }

    // ---- history -------------------------------------------------------------------------------------------------

    Portal awaitHistoryWithPayment() {
        page.waitForURL(HISTORY_WITH_PAYMENT);
        assertThat(page.locator("#payment-banner")).isVisible();
        assertThat(page.locator("#payment-detail")).isVisible();
        return this;
    }

    Portal openHistory() {
        page.navigate("/history");
        assertThat(page.locator("#history-grid")).isVisible();
        return this;
    }

    Portal openTransactions() {
        page.navigate("/transactions");
        assertThat(page.locator("#timeline-grid")).isVisible();
        return this;
    }

    /** The timeline's cells that show {@code text}, in rows the grid displays (rows past its size are hidden). */
    Locator timelineCells(String text) {
        return page.locator("#timeline-grid vaadin-grid-cell-content:visible").filter(new Locator.FilterOptions().setHasText(text));
    }

    Locator banner() {
        return page.locator("#payment-banner");
    }

    Locator detailStatus() {
        return page.locator("#detail-status");
    }

    /** The rows the history grid says it has (its size, once the first page of data arrived). */
    int historyRowCount() {
        page.waitForFunction("() => (document.querySelector('#history-grid')?.size ?? 0) > 0");
        return ((Number) page.locator("#history-grid").evaluate("grid => grid.size")).intValue();
    }

    // ---- everywhere ----------------------------------------------------------------------------------------------

    Locator headerBalance() {
        return page.locator("#header-balance");
    }

    BigDecimal headerBalanceValue() {
        assertThat(headerBalance()).hasText(USD_AMOUNT);
        return parseUsd(headerBalance().textContent());
    }

    /** Whether the page is no wider than the window: nothing to scroll sideways. */
    boolean fitsTheWindowWidth() {
        return (Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
    }

    String widthReport() {
        return String.valueOf(page.evaluate("() => `scrollWidth ${document.documentElement.scrollWidth}, innerWidth ${window.innerWidth}`"));
    }

    /** A fresh browser context on {@code baseUrl} (a node, or HAProxy in front of two), as the cluster tests use. */
    static BrowserContext newContext(Browser browser, String baseUrl) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl)
                .setLocale("en-US").setTimezoneId("UTC"));
        context.setDefaultTimeout(20_000);
        return context;
    }

    /** Dana Sultan, the owner of Steppe Networks (KZT) in the demo data, signs in on the page's base URL. */
    static void signInAsDana(Page page) {
        submitSignIn(page, "other", "demo");
        // Wherever the sign-in leads (the page asked for before it, after a node was lost): the header's balance.
        assertThat(page.locator("#header-balance")).containsText("KZT");
    }

    /** The header's balance of a KZT account: "KZT 1,500.00", or "-KZT9,500.00" below zero. */
    BigDecimal headerBalanceKzt() {
        assertThat(headerBalance()).hasText(KZT_AMOUNT);
        return new BigDecimal(headerBalance().textContent().strip().replace("KZT", "").replace(",", "")
                .replace(" ", ""));
    }

    /** "KZT 14,527.19", as Money formats it. */
    static String kzt(BigDecimal value) {
        return "KZT " + String.format(Locale.US, "%,.2f", value);
    }

    static BigDecimal parseUsd(String text) {
        String plain = text.strip().replace("$", "").replace(",", "");
        return new BigDecimal(plain);
    }

    static String usd(BigDecimal value) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }
}
