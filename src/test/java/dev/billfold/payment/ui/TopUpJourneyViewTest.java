package dev.billfold.payment.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.billfold.payment.ui.TopUpViewTest.amount;
import static dev.billfold.payment.ui.TopUpViewTest.method;
import static dev.billfold.payment.ui.TopUpViewTest.pay;
import static dev.billfold.payment.ui.TopUpViewTest.payer;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.github.mvysny.kaributesting.v10.RadioButtonsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.component.internal.UIInternals;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.account.PayerSummary;
import dev.billfold.gateway.GatewayRegistry;
import dev.billfold.gateway.demo.DemoCustomer;
import dev.billfold.payment.PaymentDocument;
import dev.billfold.payment.PaymentDocuments;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.PaymentStatus;
import dev.billfold.ui.KaribuTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whole top-ups through the views: the form, the provider (demo checkout played by {@link DemoCustomer}, saved cards,
 * invoices), the return and the history with its banner, detail and the header balance.
 */
class TopUpJourneyViewTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    GatewayRegistry gateways;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PaymentDocuments documents;

    Customer customer;
    DemoCustomer demoCustomer;

    @BeforeEach
    void newCustomer() {
        customer = data.newCustomer("USD");
        demoCustomer = new DemoCustomer(gateways);
    }

    @Test
    void paying_on_the_demo_checkout_page_and_returning_credits_the_payment_and_raises_the_header_balance() {
        openTopUp();
        assertThat(headerBalance()).isEqualTo("$0.00");

        RadioButtonsKt.selectByLabel(method(), "Card (demo checkout)");
        Presets.click("100.00");
        _setValue(amount(), "150.00");
        _click(pay());

        // The view sends the browser to the provider's page; Karibu cannot follow, so the test plays the provider.
        StoredPayment payment = onlyPaymentOf(customer);
        assertThat(payment.status()).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT.name());
        assertThat(payment.amount()).isEqualByComparingTo("150.00");
        assertThat(payment.providerReference()).startsWith("cs_demo_");
        assertThat(redirectedTo()).isEqualTo("/demo-gateway/checkout/" + payment.providerReference());
        assertThat(data.ledgerEntries(customer.accountId())).as("nothing is credited before the provider confirms").isZero();

        demoCustomer.pay(payment.providerReference());
        UI.getCurrent().navigate("payment-return/" + payment.id());

        NavigatorKt.expectView(PaymentHistoryView.class);
        assertThat(banner().getText()).isEqualTo("Payment credited: $150.00 was added to your balance.");
        assertThat(banner().getElement().getAttribute("data-kind")).isEqualTo("credited");
        assertThat(text("detail-status")).isEqualTo("Credited");
        assertThat(text("detail-amount")).isEqualTo("$150.00");
        assertThat(text("detail-reference")).isEqualTo(payment.providerReference());
        assertThat(headerBalance()).isEqualTo("$150.00");
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("150.00");
        assertThat(data.ledgerEntries(customer.accountId())).isEqualTo(1);
    }

    @Test
    void the_preselected_default_card_is_charged_at_once_and_the_history_shows_it_credited() {
        data.savedCard(customer, customer.person(), "4242", true);
        openTopUp();
        assertThat(method().getValue().label()).isEqualTo("Visa •••• 4242, 12/30");

        _setValue(amount(), "500");
        _click(pay());

        NavigatorKt.expectView(PaymentHistoryView.class);
        StoredPayment payment = onlyPaymentOf(customer);
        assertThat(payment.status()).isEqualTo(PaymentStatus.CREDITED.name());
        assertThat(NavigatorKt.getCurrentPath()).isEqualTo("history?payment=" + payment.id());
        assertThat(banner().getText()).isEqualTo("Payment credited: $500.00 was added to your balance.");
        assertThat(text("detail-status")).isEqualTo("Credited");
        assertThat(text("detail-reference")).startsWith("ch_demo_");
        assertThat(headerBalance()).isEqualTo("$500.00");
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo("500.00");
    }

    @Test
    void a_declining_saved_card_shows_the_payment_rejected_with_the_reason_and_credits_nothing() {
        data.savedCard(customer, customer.person(), "0002", true);
        openTopUp();
        assertThat(method().getValue().label()).isEqualTo("Visa •••• 0002, 12/30");

        _setValue(amount(), "40");
        _click(pay());

        NavigatorKt.expectView(PaymentHistoryView.class);
        assertThat(onlyPaymentOf(customer).status()).isEqualTo(PaymentStatus.REJECTED.name());
        assertThat(banner().getText()).isEqualTo("Payment rejected: Your card was declined.");
        assertThat(banner().getElement().getAttribute("data-kind")).isEqualTo("rejected");
        assertThat(text("detail-status")).isEqualTo("Rejected");
        assertThat(text("detail-reason")).isEqualTo("Your card was declined.");
        assertThat(headerBalance()).isEqualTo("$0.00");
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    @Test
    void a_saved_card_charge_that_needs_the_bank_is_confirmed_from_the_history_and_credited() {
        data.savedCard(customer, customer.person(), "3184", true);
        openTopUp();
        _setValue(amount(), "40");
        _click(pay());

        NavigatorKt.expectView(PaymentHistoryView.class);
        StoredPayment payment = onlyPaymentOf(customer);
        assertThat(payment.status()).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT.name());
        assertThat(banner().getText()).isEqualTo("Payment waiting for you: your bank asks you to confirm it. Nothing has "
                + "been charged yet.");
        assertThat(text("detail-status")).isEqualTo("Waiting for payment");
        assertThat(_get(Button.class, spec -> spec.withId("banner-confirm-with-bank")).getText())
                .isEqualTo("Confirm with your bank");
        Button confirm = _get(Button.class, spec -> spec.withId("confirm-with-bank"));
        assertThat(confirm.getText()).isEqualTo("Confirm with your bank");

        _click(confirm);

        assertThat(redirectedTo()).isEqualTo("/demo-gateway/authenticate/" + payment.providerReference());
        demoCustomer.authenticate(payment.providerReference());
        UI.getCurrent().navigate("payment-return/" + payment.id());

        NavigatorKt.expectView(PaymentHistoryView.class);
        assertThat(banner().getText()).isEqualTo("Payment credited: $40.00 was added to your balance.");
        assertThat(text("detail-status")).isEqualTo("Credited");
        assertThat(_find(Button.class, spec -> spec.withId("confirm-with-bank"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("banner-confirm-with-bank"))).isEmpty();
        assertThat(headerBalance()).isEqualTo("$40.00");
        assertThat(data.ledgerEntries(customer.accountId())).isEqualTo(1);
    }

    @Test
    void a_confirmation_that_is_no_longer_needed_is_refused_in_the_banner_and_changes_nothing() {
        data.savedCard(customer, customer.person(), "3184", true);
        openTopUp();
        _setValue(amount(), "40");
        _click(pay());
        StoredPayment payment = onlyPaymentOf(customer);
        Button confirm = _get(Button.class, spec -> spec.withId("confirm-with-bank"));
        // Meanwhile the charge was confirmed and settled elsewhere (another tab, the webhook).
        demoCustomer.authenticate(payment.providerReference());
        jdbc.sql("update payment set status = 'REJECTED', status_reason = 'Settled elsewhere' where id = ?")
                .param(payment.id()).update();

        _click(confirm);

        assertThat(banner().getText()).isEqualTo("This payment does not need a confirmation with your bank.");
        assertThat(banner().getElement().getAttribute("data-kind")).isEqualTo("error");
        assertThat(confirm.isEnabled()).isTrue();
        assertThat(onlyPaymentOf(customer).status()).isEqualTo("REJECTED");
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
    }

    @Test
    void a_viewer_sees_the_waiting_payment_without_the_confirmation_button() {
        data.savedCard(customer, customer.person(), "3184", true);
        openTopUp();
        _setValue(amount(), "40");
        _click(pay());
        StoredPayment payment = onlyPaymentOf(customer);

        signIn(data.addMember(customer.accountId(), "VIEWER"));
        UI.getCurrent().navigate(PaymentHistoryView.class,
                com.vaadin.flow.router.QueryParameters.of("payment", payment.id().toString()));

        assertThat(text("detail-status")).isEqualTo("Waiting for payment");
        assertThat(text("detail-reason")).contains("Your bank asks you to confirm this payment");
        assertThat(_find(Button.class, spec -> spec.withId("confirm-with-bank"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("banner-confirm-with-bank"))).isEmpty();
    }

    @Test
    void an_invoice_is_shown_in_the_history_with_its_bank_details_and_waits_for_the_transfer() {
        openTopUp();
        PayerSummary company = payer().getItems().stream()
                .filter(p -> p.id().equals(customer.company())).findFirst().orElseThrow();
        _setValue(payer(), company);
        RadioButtonsKt.selectByLabel(method(), "Invoice (bank transfer)");
        _setValue(amount(), "1200.50");
        _click(pay());

        NavigatorKt.expectView(PaymentHistoryView.class);
        String number = text("invoice-number");
        assertThat(number).matches("INV-\\d{4}-\\d{6}");
        assertThat(banner().getText()).isEqualTo("Invoice " + number
                + " issued. Pay it by bank transfer; the balance goes up when the money arrives.");
        assertThat(text("invoice-bank")).contains("Account: 000123456789").contains("SWIFT: FDBKUS33");
        assertThat(text("invoice-purpose")).contains(number).contains("$1,200.50");
        assertThat(text("detail-status")).isEqualTo("Waiting for payment");
        assertThat(headerBalance()).isEqualTo("$0.00");
        assertThat(data.balance(customer.accountId())).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(data.ledgerEntries(customer.accountId())).isZero();
        StoredPayment payment = onlyPaymentOf(customer);
        assertThat(payment.status()).isEqualTo(PaymentStatus.WAITING_FOR_PAYMENT.name());
        assertThat(jdbc.sql("select payer_id from payment where id = ?").param(payment.id()).query(UUID.class).single())
                .isEqualTo(customer.company().value());
        // The page shows what the invoice was issued with, as its PDF prints it (DD-094).
        assertThat(text("invoice-seller")).contains("Billfold Demo Hosting GmbH", "VAT id: DE123456789");
        assertThat(text("invoice-payer-country")).isEqualTo("United States (US)");
        String pdf = pdfText(documents.invoice(new PaymentId(payment.id())));
        for (String id : List.of("invoice-seller", "invoice-pay-to", "invoice-bank", "invoice-payer-country")) {
            assertThat(pdf.replaceAll("\\s+", "")).as(id).contains(text(id).replaceAll("\\s+", ""));
        }
    }

    private void openTopUp() {
        signIn(customer.username());
        UI.getCurrent().navigate(TopUpView.class);
        NavigatorKt.expectView(TopUpView.class);
    }

    record StoredPayment(UUID id, String status, BigDecimal amount, String providerReference) {
    }

    private StoredPayment onlyPaymentOf(Customer who) {
        return jdbc.sql("select id, status, amount_value as amount, provider_reference from payment where account_id = ?")
                .param(who.accountId().value()).query(StoredPayment.class).single();
    }

    /** Where the view sent the browser with Page.setLocation (Karibu keeps the JavaScript call instead of running it). */
    private static String redirectedTo() {
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .map(PendingJavaScriptInvocation::getInvocation)
                .filter(invocation -> invocation.getExpression().contains("window.open("))
                .map(UIInternals.JavaScriptInvocation::getParameters)
                .map(parameters -> String.valueOf(parameters.getFirst()))
                .reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("the view did not send the browser anywhere"));
    }

    static Div banner() {
        return _get(Div.class, spec -> spec.withId("payment-banner"));
    }

    private static String pdfText(PaymentDocument document) {
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(document.pdf())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String text(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }

    static String headerBalance() {
        return text("header-balance");
    }
}
