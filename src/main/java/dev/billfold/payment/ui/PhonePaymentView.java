package dev.billfold.payment.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Localized;
import dev.billfold.base.ui.PageTitles;
import dev.billfold.gateway.LocalPaths;
import dev.billfold.payment.PaymentDetails;
import dev.billfold.payment.PaymentHistoryQuery;
import dev.billfold.payment.PaymentId;
import dev.billfold.payment.PaymentStatus;
import dev.billfold.ui.PageTabs;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * While the customer's phone asks for their M-Pesa PIN: the status, read again every few seconds (the callback and the
 * poller move the payment; this page only reads it), until it is credited or rejected, with the reason in words.
 */
@Route(PhonePaymentView.ROUTE + "/:paymentId")
@PermitAll
class PhonePaymentView extends Div implements BeforeEnterObserver, HasDynamicTitle, LocaleChangeObserver {

    static final String ROUTE = "top-up/phone";
    static final String SIMULATOR_PARAMETER = "simulator";
    static final int POLL_MILLIS = 2000;

    private final PaymentHistoryQuery history;
    private final Span status = new Span();
    private final Paragraph message = new Paragraph();
    private final Anchor simulator = new Anchor();
    private final Anchor toHistory = new Anchor();
    private @Nullable PaymentId paymentId;
    private @Nullable PaymentStatus current;
    private @Nullable PaymentDetails shown;
    private @Nullable Registration polling;

    PhonePaymentView(PaymentHistoryQuery history) {
        this.history = history;
        addClassName("phone-payment-view");
        PageTitles.follow(this, "payment.phone.page-title");
        status.setId("phone-status");
        status.addClassName("status-badge");
        message.setId("phone-message");
        simulator.setId("phone-simulator");
        Localized.text(simulator, "payment.phone.simulator");
        simulator.setTarget(AnchorTarget.BLANK);
        simulator.setVisible(false);
        toHistory.setId("phone-history");
        Localized.text(toHistory, "payment.phone.history");
        // The poll changes the status while the customer looks at their phone: a polite live region reads it out.
        var live = new Div(status, message);
        live.setId("phone-live");
        live.getElement().setAttribute("role", "status");
        live.getElement().setAttribute("aria-live", "polite");
        add(Localized.text(new H2(), "payment.phone.title"), live, simulator, toHistory);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("payment.phone.page-title");
    }

    /** The status and its message come from the payment, so they are worded again in the new language. */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        if (shown != null) {
            show(shown);
        }
    }

    /** Where to go for this payment; the demo provider's simulated phone is linked from the page. */
    static String location(PaymentId paymentId) {
        return ROUTE + "/" + paymentId.value();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            paymentId = new PaymentId(UUID.fromString(event.getRouteParameters().get("paymentId").orElse("")));
            show(history.details(paymentId));
        } catch (IllegalArgumentException | InvalidRequestException notFound) {
            event.forwardTo(PaymentHistoryView.class,
                    QueryParameters.simple(Map.of(PaymentHistoryView.ERROR_PARAMETER, PaymentHistoryView.NOT_FOUND)));
            return;
        }
        String path = event.getLocation().getQueryParameters().getSingleParameter(SIMULATOR_PARAMETER).orElse(null);
        // Only ever one of our own pages: the parameter comes from the address bar.
        if (LocalPaths.isOwnPath(path)) {
            simulator.setHref(path);
            simulator.setVisible(isWaiting());
        }
        toHistory.setHref(PageTabs.PAYMENTS + "?" + PaymentHistoryView.PAYMENT_PARAMETER + "=" + paymentId.value());
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        if (isWaiting()) {
            attach.getUI().setPollInterval(POLL_MILLIS);
            polling = attach.getUI().addPollListener(poll -> refresh());
        }
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        stopPolling();
        detach.getUI().setPollInterval(-1);
    }

    private void refresh() {
        if (paymentId == null) {
            return;
        }
        show(history.details(paymentId));
        if (!isWaiting()) {
            stopPolling();
            getUI().ifPresent(ui -> ui.setPollInterval(-1));
            simulator.setVisible(false);
        }
    }

    private void show(PaymentDetails payment) {
        current = payment.status();
        shown = payment;
        status.setText(getTranslation("payment.status." + payment.status().name()));
        status.getElement().setAttribute("data-status", payment.status().name());
        // The provider's reason is the provider's words; everything else is ours, in the page's language.
        message.setText(switch (payment.status()) {
            case WAITING_FOR_PAYMENT -> getTranslation("payment.phone.check-your-phone");
            case CREDITED -> getTranslation("payment.phone.credited",
                    payment.amount().format(Localized.localeOf(this)));
            default -> payment.statusReason() == null
                    ? getTranslation("payment.status-meaning." + payment.status().name()) : payment.statusReason();
        });
    }

    private boolean isWaiting() {
        return current == PaymentStatus.WAITING_FOR_PAYMENT;
    }

    private void stopPolling() {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
    }
}
