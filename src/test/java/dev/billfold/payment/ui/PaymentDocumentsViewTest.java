package dev.billfold.payment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.QueryParameters;
import dev.billfold.SignedIn;
import dev.billfold.TestData;
import dev.billfold.TestData.Customer;
import dev.billfold.payment.MethodChoice;
import dev.billfold.payment.PaymentHistoryQuery;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.PaymentStatus;
import dev.billfold.payment.TopUpOutcome;
import dev.billfold.payment.TopUpRequest;
import dev.billfold.payment.TopUpService;
import dev.billfold.paymentmethod.PaymentMethodId;
import dev.billfold.ui.KaribuTest;
import java.io.IOException;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The history detail offers an invoice PDF where an invoice exists and a receipt only where money was received. */
class PaymentDocumentsViewTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    TopUpService topUps;
    @Autowired
    PaymentHistoryQuery history;
    @Autowired
    JdbcClient jdbc;

    @SignedIn
    Customer customer;

    @Test
    void a_waiting_invoice_offers_its_invoice_pdf_and_no_receipt() throws IOException {
        PaymentId id = topUp(customer.company(), "120.00", new MethodChoice.Invoice(), PaymentStatus.WAITING_FOR_PAYMENT);
        String number = history.details(id).invoice().number();

        showDetail(id);

        assertThat(_find(Anchor.class, spec -> spec.withId("download-receipt"))).isEmpty();
        Anchor invoice = _get(Anchor.class, spec -> spec.withId("download-invoice"));
        assertThat(invoice.getElement().getAttribute("download")).isNotNull();
        assertThat(text(DownloadKt._download(invoice))).contains("Invoice " + number, "$120.00", "Pat Company Ltd");
    }

    @Test
    void a_credited_card_payment_offers_its_receipt_and_no_invoice() throws IOException {
        PaymentMethodId card = data.savedCard(customer, customer.person(), "4242", true);
        PaymentId id = topUp(customer.person(), "45.00", new MethodChoice.Saved(card), PaymentStatus.CREDITED);

        showDetail(id);

        assertThat(_find(Anchor.class, spec -> spec.withId("download-invoice"))).isEmpty();
        String receipt = text(DownloadKt._download(_get(Anchor.class, spec -> spec.withId("download-receipt"))));
        assertThat(receipt).contains("Receipt RCT-", "$45.00", "Visa •••• 4242");
    }

    @Test
    void a_rejected_payment_offers_no_document() {
        PaymentMethodId declining = data.savedCard(customer, customer.person(), "9995", true);
        PaymentId id = topUp(customer.person(), "45.00", new MethodChoice.Saved(declining), PaymentStatus.REJECTED);

        showDetail(id);

        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("payment-detail")).isVisible()).isTrue();
        assertThat(_find(Anchor.class, spec -> spec.withId("download-invoice"))).isEmpty();
        assertThat(_find(Anchor.class, spec -> spec.withId("download-receipt"))).isEmpty();
    }

    @Test
    void a_download_after_the_user_lost_access_is_refused_on_its_own_request() {
        PaymentMethodId card = data.savedCard(customer, customer.person(), "4242", true);
        PaymentId id = topUp(customer.person(), "45.00", new MethodChoice.Saved(card), PaymentStatus.CREDITED);
        showDetail(id);
        Anchor receipt = _get(Anchor.class, spec -> spec.withId("download-receipt"));

        jdbc.sql("delete from account_member where user_id = (select id from app_user where username = ?)")
                .param(customer.username()).update();
        newRequest();

        // The handler answers 404 with the message; Karibu hands back only the body, which holds no PDF.
        assertThat(DownloadKt._download(receipt)).isEmpty();
    }

    private PaymentId topUp(dev.billfold.account.PayerId payer, String amount, MethodChoice method, PaymentStatus expected) {
        var completed = (TopUpOutcome.Completed) topUps.topUp(new TopUpRequest(payer, amount, method, false,
                UUID.randomUUID().toString()));
        assertThat(completed.status()).isEqualTo(expected);
        return completed.paymentId();
    }

    private static void showDetail(PaymentId id) {
        UI.getCurrent().navigate("history", QueryParameters.of("payment", id.value().toString()));
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
