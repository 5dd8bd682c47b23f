package dev.billfold.notification.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Banner;
import dev.billfold.base.ui.Localized;
import dev.billfold.notification.InvoiceMails;
import dev.billfold.payment.PaymentDetails;
import dev.billfold.payment.PaymentStatus;
import dev.billfold.payment.ui.PaymentDetailSection;
import java.util.Optional;

/**
 * "Send the invoice by e-mail" in a waiting invoice's detail: the payer's invoice address is filled in, another one may
 * be typed. Shown to members who may move money; {@link InvoiceMails#sendAgain} checks that again, and the invoice,
 * the address and the rate limits, and a refusal sends nothing.
 */
@org.springframework.stereotype.Component
class InvoiceMailSection implements PaymentDetailSection {

    private final InvoiceMails mails;

    InvoiceMailSection(InvoiceMails mails) {
        this.mails = mails;
    }

    @Override
    public int position() {
        return 20;
    }

    @Override
    public Optional<Component> section(PaymentDetails payment) {
        if (payment.invoice() == null || payment.status() != PaymentStatus.WAITING_FOR_PAYMENT) {
            return Optional.empty();
        }
        String address;
        try {
            address = mails.resendAddress(payment.id());
        } catch (InvalidRequestException gone) {
            return Optional.empty();
        }
        if (address == null) {
            return Optional.empty();
        }
        return Optional.of(new Form(mails, payment, address));
    }

    /** The form itself; it holds only the service, the payment's id and its own fields. */
    private static final class Form extends Div {

        Form(InvoiceMails mails, PaymentDetails payment, String address) {
            setId("send-invoice-email");
            addClassName("send-invoice-email");
            var banner = new Banner("send-invoice-banner", "payment-banner");
            var to = new EmailField();
            Localized.bind(to, to::setLabel, "notification.invoice-mail.address");
            to.setId("send-invoice-address");
            to.setValue(address);
            Localized.bind(to, to::setHelperText, "notification.invoice-mail.address.helper");
            to.setMaxLength(320);
            to.setWidth("22em");
            var send = Localized.text(new Button(), "notification.invoice-mail.send");
            send.addClickListener(event -> {
                to.setInvalid(false);
                banner.hide();
                try {
                    String sentTo = mails.sendAgain(payment.id(), to.getValue());
                    banner.show(getTranslation("notification.invoice-mail.sent", sentTo), Banner.SUCCESS);
                } catch (InvalidRequestException refused) {
                    if ("address".equals(refused.field())) {
                        to.setErrorMessage(refused.getLocalizedMessage());
                        to.setInvalid(true);
                    } else {
                        banner.show(refused.getLocalizedMessage(), Banner.ERROR);
                    }
                }
            });
            send.setId("send-invoice");
            send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            var row = new HorizontalLayout(to, send);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            add(Localized.text(new H4(), "notification.invoice-mail.title"), row, banner);
        }
    }
}
