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
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Banner;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.base.ui.Localized;
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
@RolesAllowed({StaffRole.Names.SUPPORT, StaffRole.Names.FINANCE})
@NoAccountNeeded
public class PowersOfAttorneyReviewView extends VerticalLayout implements BeforeEnterObserver,
        HasDynamicTitle, LocaleChangeObserver {

    static final String ROUTE = "ops/powers-of-attorney";

    private final PowerOfAttorneyReview review;
    private final LocalTimes times = LocalTimes.ofBrowser();
    private final Banner banner = new Banner("powers-of-attorney-banner", "ops-banner");
    private final Grid<PowerOfAttorneyItem> queue = new Grid<>();
    private final Span none = Localized.text(new Span(), "document.powers-review.none");

    PowersOfAttorneyReviewView(PowerOfAttorneyReview review) {
        this.review = review;
        addClassName("powers-of-attorney-review-view");
        queue.setId("powers-of-attorney-queue");
        queue.setWidthFull();
        queue.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        header(queue.addColumn(p -> times.format(p.uploadedAt())), "document.column.sent", times.label())
                .setWidth("9rem").setFlexGrow(0);
        header(queue.addComponentColumn(PowersOfAttorneyReviewView::account), "document.column.account")
                .setFlexGrow(1);
        header(queue.addColumn(p -> p.payerName() + " ("
                + getTranslation("document.payer-type." + p.payerType().name()) + ")"), "document.column.payer")
                .setFlexGrow(1);
        header(queue.addColumn(PowerOfAttorneyItem::individualName), "document.column.may-pay").setFlexGrow(1);
        header(queue.addColumn(p -> getTranslation("document.dates", p.validFrom().toString(),
                p.validTo().toString())), "document.column.valid").setWidth("12rem").setFlexGrow(0);
        header(queue.addComponentColumn(this::document), "document.column.document").setFlexGrow(1);
        queue.addComponentColumn(this::decisions).setHeader("").setKey("actions").setWidth("11rem").setFlexGrow(0)
                .setFrozenToEnd(true);
        queue.setAllRowsVisible(true);
        none.setId("powers-of-attorney-none");
        add(Localized.text(new H2(), "document.powers.title"), banner, queue, none);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("document.powers-review.page-title");
    }

    private Grid.Column<PowerOfAttorneyItem> header(Grid.Column<PowerOfAttorneyItem> column, String key,
                                                    Object... params) {
        return Localized.bind(column, column::setHeader, key, params);
    }

    /** The cells and their buttons are rendered again in the new language. */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        queue.getDataProvider().refreshAll();
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
        var accept = new Button(getTranslation("document.review.accept"), e -> accept(item));
        accept.addClassName("power-of-attorney-accept");
        accept.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        var reject = new Button(getTranslation("document.review.reject"), e -> reject(item));
        reject.addClassName("power-of-attorney-reject");
        reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        var buttons = new HorizontalLayout(accept, reject);
        buttons.setSpacing(false);
        return buttons;
    }

    private String what(PowerOfAttorneyItem item) {
        return getTranslation("document.powers-review.what", item.individualName(), item.payerName(),
                item.accountName(), item.validFrom().toString(), item.validTo().toString());
    }

    void accept(PowerOfAttorneyItem item) {
        new ReviewDialog(getTranslation("document.powers-review.accept.title"),
                what(item) + " " + getTranslation("document.powers-review.accept.summary"),
                getTranslation("document.review.note"), getTranslation("document.powers-review.accept.helper"),
                getTranslation("document.review.accept"), false, note -> {
            var done = review.accept(item.id(), note);
            decided(getTranslation("document.powers-review.accepted", done.individualName()));
        }, this::refused).open();
    }

    void reject(PowerOfAttorneyItem item) {
        new ReviewDialog(getTranslation("document.powers-review.reject.title"), what(item),
                getTranslation("document.review.reason"), getTranslation("document.review.customer-reads"),
                getTranslation("document.review.reject"), true, reason -> {
            var done = review.reject(item.id(), reason);
            decided(getTranslation("document.powers-review.rejected", done.individualName()));
        }, this::refused).open();
    }

    private void decided(String message) {
        banner.show(message, Banner.SUCCESS);
        refresh();
    }

    private void refused(InvalidRequestException refused) {
        banner.show(refused.getLocalizedMessage(), Banner.ERROR);
        refresh();
    }
}
