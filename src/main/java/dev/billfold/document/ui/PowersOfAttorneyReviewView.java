package dev.billfold.document.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Banner;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.base.ui.NoAccountNeeded;
import dev.billfold.document.PowerOfAttorneyItem;
import dev.billfold.document.PowerOfAttorneyReview;
import dev.billfold.staff.StaffRole;
import dev.billfold.staff.ui.OpsLayout;
import jakarta.annotation.security.RolesAllowed;

/**
 * Powers of attorney under review, oldest first, each with its document. It moves no money, so Support decides as
 * well as Finance: accept (the individual's transfers then match their payer within the dates) or reject with a
 * reason the customer reads.
 */
@Route(value = PowersOfAttorneyReviewView.ROUTE, layout = OpsLayout.class)
@PageTitle("Powers of attorney · Billfold back office")
@RolesAllowed({StaffRole.Names.SUPPORT, StaffRole.Names.FINANCE})
@NoAccountNeeded
public class PowersOfAttorneyReviewView extends VerticalLayout implements BeforeEnterObserver {

    static final String ROUTE = "ops/powers-of-attorney";

    private final PowerOfAttorneyReview review;
    private final LocalTimes times = LocalTimes.ofBrowser();
    private final Banner banner = new Banner("powers-of-attorney-banner", "ops-banner");
    private final Grid<PowerOfAttorneyItem> queue = new Grid<>();
    private final Span none = new Span("No power of attorney waits for review.");

    PowersOfAttorneyReviewView(PowerOfAttorneyReview review) {
        this.review = review;
        addClassName("powers-of-attorney-review-view");
        queue.setId("powers-of-attorney-queue");
        queue.setWidthFull();
        queue.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        queue.addColumn(p -> times.format(p.uploadedAt())).setHeader("Sent (" + times.label() + ")")
                .setWidth("9rem").setFlexGrow(0);
        queue.addComponentColumn(PowersOfAttorneyReviewView::account).setHeader("Account").setFlexGrow(1);
        queue.addColumn(p -> p.payerName() + " (" + p.payerType().label() + ")").setHeader("Payer").setFlexGrow(1);
        queue.addColumn(PowerOfAttorneyItem::individualName).setHeader("May pay").setFlexGrow(1);
        queue.addColumn(p -> p.validFrom() + " to " + p.validTo()).setHeader("Valid").setWidth("12rem")
                .setFlexGrow(0);
        queue.addComponentColumn(this::document).setHeader("Document").setFlexGrow(1);
        queue.addComponentColumn(this::decisions).setHeader("").setKey("actions").setWidth("11rem").setFlexGrow(0)
                .setFrozenToEnd(true);
        queue.setAllRowsVisible(true);
        none.setId("powers-of-attorney-none");
        add(new H2("Powers of attorney"), banner, queue, none);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        banner.hide();
        refresh();
    }

    private void refresh() {
        int waiting = review.waiting();
        queue.setItems(query -> review.queue(query.getOffset(), query.getLimit()).stream(), query -> review.waiting());
        queue.setVisible(waiting > 0);
        none.setVisible(waiting == 0);
        OpsLayout.queuesChanged(this);
    }

    private static Anchor account(PowerOfAttorneyItem item) {
        var link = new Anchor(OpsLayout.accountHref(item.accountId().value()),
                item.accountName() + " \u00b7 " + item.accountNumber());
        link.addClassName("power-of-attorney-account");
        return link;
    }

    private Component document(PowerOfAttorneyItem item) {
        var link = DocumentLinks.document(item.fileName(), () -> review.document(item.id()));
        link.addClassName("power-of-attorney-document");
        return link;
    }

    private Component decisions(PowerOfAttorneyItem item) {
        var accept = new Button("Accept", e -> accept(item));
        accept.addClassName("power-of-attorney-accept");
        accept.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        var reject = new Button("Reject", e -> reject(item));
        reject.addClassName("power-of-attorney-reject");
        reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        var buttons = new HorizontalLayout(accept, reject);
        buttons.setSpacing(false);
        return buttons;
    }

    private static String what(PowerOfAttorneyItem item) {
        return "%s may pay for %s (%s), %s to %s.".formatted(item.individualName(), item.payerName(),
                item.accountName(), item.validFrom(), item.validTo());
    }

    void accept(PowerOfAttorneyItem item) {
        new ReviewDialog("Accept the power of attorney", what(item) + " Their transfers then match the payer"
                + " within these dates.", "Note", "Why you accept it; staff only.", "Accept", false, note -> {
            var done = review.accept(item.id(), note);
            decided("Power of attorney for %s accepted.".formatted(done.individualName()));
        }, this::refused).open();
    }

    void reject(PowerOfAttorneyItem item) {
        new ReviewDialog("Reject the power of attorney", what(item), "Reason", "The customer reads this.", "Reject",
                true, reason -> {
            var done = review.reject(item.id(), reason);
            decided("Power of attorney for %s rejected.".formatted(done.individualName()));
        }, this::refused).open();
    }

    private void decided(String message) {
        banner.show(message, Banner.SUCCESS);
        refresh();
    }

    private void refused(InvalidRequestException refused) {
        banner.show(refused.getMessage(), Banner.ERROR);
        refresh();
    }
}
