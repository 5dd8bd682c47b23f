package dev.billfold.document.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.base.ui.Localized;
import dev.billfold.document.PaymentOrderPage;
import dev.billfold.document.PaymentOrderService;
import dev.billfold.document.PaymentOrderSummary;
import dev.billfold.document.UploadedDocument;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.PaymentStatus;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * "I have paid: upload the payment order" for one waiting invoice, and where the orders sent for it stand. The file
 * is read up to one byte past the limit, so an oversized one never fills the heap; the service decides what it is.
 * The statuses are rendered again when the language is switched.
 */
class PaymentOrderPanel extends Div implements LocaleChangeObserver {

    /** The language the data-driven texts were last rendered in; attaching calls localeChange too. */
    private @Nullable Locale renderedIn;
    private final PaymentOrderService orders;
    private final PaymentId paymentId;
    private final LocalTimes times = LocalTimes.ofBrowser();
    private final Paragraph status = new Paragraph();
    private final Div history = new Div();
    private final Div uploadBox = new Div();

    PaymentOrderPanel(PaymentOrderService orders, PaymentOrderPage page) {
        this.orders = orders;
        this.paymentId = page.paymentId();
        setId("payment-order");
        addClassName("payment-order");
        status.setId("payment-order-status");
        status.addClassName("payment-order-status");
        history.setId("payment-order-history");
        history.addClassName("detail-list");

        var upload = new Upload((UploadHandler) event -> {
            UI ui = event.getUI();
            String name = event.getFileName();
            byte[] content;
            try (InputStream in = event.getInputStream()) {
                content = in.readNBytes(UploadedDocument.MAX_BYTES + 1);
            } catch (IOException broken) {
                ui.access(() -> refused(getTranslation("document.upload.broke-off")));
                return;
            }
            ui.access(() -> send(name, content));
        });
        upload.setId("payment-order-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(UploadedDocument.MAX_BYTES);
        upload.setAcceptedFileTypes(".pdf", ".png", ".jpg", ".jpeg", "application/pdf", "image/png", "image/jpeg");
        upload.addFileRejectedListener(e -> refused(e.getErrorMessage()));
        var hint = Localized.text(new Paragraph(), "document.payment-order.hint");
        hint.addClassName("hint");
        uploadBox.add(hint, upload);

        add(Localized.text(new H3(), "document.payment-order.title"), status, uploadBox, history);
        show(page);
    }

    /** What the upload does with a file's bytes; view tests call it, since Karibu cannot stream an upload. */
    void send(String fileName, byte[] content) {
        try {
            orders.upload(paymentId, new UploadedDocument(fileName, content));
        } catch (InvalidRequestException bad) {
            refused(fileName + ": " + bad.getLocalizedMessage());
            return;
        }
        show(orders.page(paymentId));
    }

    private void refused(String message) {
        status.setText(message);
        status.removeClassName("success");
        status.addClassName("error");
    }

    /** The payment's status name from the payment bundle, where the payment pages take it too. */
    private String paymentStatus(PaymentStatus payment) {
        return getTranslation("payment.status." + payment.name());
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        if (event.getLocale().equals(renderedIn)) {
            return;
        }
        show(orders.page(paymentId));
    }

    private void show(PaymentOrderPage page) {
        renderedIn = Localized.localeOf(this);
        uploadBox.setVisible(page.canUpload());
        status.removeClassName("error");
        status.setText(page.orders().isEmpty() ? "" : label(page.orders().getFirst(), page.paymentStatus()));
        history.removeAll();
        // The newest is the status line; older ones (rejected before) are listed below it.
        page.orders().stream().skip(1).forEach(order -> {
            var line = new Paragraph(times.format(order.uploadedAt()) + " \u00b7 " + order.fileName() + ": "
                    + label(order, page.paymentStatus()));
            line.addClassName("payment-order-earlier");
            history.add(line);
        });
    }

    String label(PaymentOrderSummary order, PaymentStatus payment) {
        return switch (order.status()) {
            case PENDING -> payment == PaymentStatus.WAITING_FOR_PAYMENT
                    ? getTranslation("document.payment-order.under-review")
                    : getTranslation("document.payment-order.no-review-needed", paymentStatus(payment)
                            .toLowerCase(Localized.localeOf(this)));
            case CONDITIONALLY_CREDITED -> getTranslation("document.payment-order.conditionally-credited");
            case REJECTED -> getTranslation("document.payment-order.rejected", order.reason());
            case REVERSED -> getTranslation("document.payment-order.reversed", order.reason());
        };
    }
}
