package dev.billfold.document.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.document.PaymentOrderPage;
import dev.billfold.document.PaymentOrderService;
import dev.billfold.document.PaymentOrderSummary;
import dev.billfold.document.UploadedDocument;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.PaymentStatus;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * "I have paid: upload the payment order" for one waiting invoice, and where the orders sent for it stand. The file
 * is read up to one byte past the limit, so an oversized one never fills the heap; the service decides what it is.
 */
class PaymentOrderPanel extends Div {

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
                ui.access(() -> refused("The upload broke off; please send the file again."));
                return;
            }
            ui.access(() -> send(name, content));
        });
        upload.setId("payment-order-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(UploadedDocument.MAX_BYTES);
        upload.setAcceptedFileTypes(".pdf", ".png", ".jpg", ".jpeg", "application/pdf", "image/png", "image/jpeg");
        upload.addFileRejectedListener(e -> refused(e.getErrorMessage()));
        var hint = new Paragraph("I have paid: upload the payment order your bank gave you (PDF, PNG or JPEG, at"
                + " most 10 MB). Finance checks it and may credit the invoice before the transfer arrives.");
        hint.addClassName("hint");
        uploadBox.add(hint, upload);

        add(new H3("Payment order"), status, uploadBox, history);
        show(page);
    }

    /** What the upload does with a file's bytes; view tests call it, since Karibu cannot stream an upload. */
    void send(String fileName, byte[] content) {
        try {
            orders.upload(paymentId, new UploadedDocument(fileName, content));
        } catch (InvalidRequestException bad) {
            refused(fileName + ": " + bad.getMessage());
            return;
        }
        show(orders.page(paymentId));
    }

    private void refused(String message) {
        status.setText(message);
        status.removeClassName("success");
        status.addClassName("error");
    }

    private void show(PaymentOrderPage page) {
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

    static String label(PaymentOrderSummary order, PaymentStatus payment) {
        return switch (order.status()) {
            case PENDING -> payment == PaymentStatus.WAITING_FOR_PAYMENT ? "Sent, under review"
                    : "Sent; no review needed, the payment is now " + payment.label().toLowerCase(Locale.ROOT);
            case CONDITIONALLY_CREDITED -> "Accepted: conditionally credited";
            case REJECTED -> "Rejected: " + order.reason();
            case REVERSED -> "Reversed: " + order.reason();
        };
    }
}
