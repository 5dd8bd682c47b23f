package dev.billfold.adjustment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.billfold.account.AccountId;
import dev.billfold.adjustment.AdjustmentCategory;
import dev.billfold.adjustment.AdjustmentDirection;
import dev.billfold.adjustment.AdjustmentForm;
import dev.billfold.adjustment.AdjustmentRequest;
import dev.billfold.adjustment.AdjustmentRow;
import dev.billfold.adjustment.AdjustmentService;
import dev.billfold.adjustment.AdjustmentStatus;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Banner;
import dev.billfold.base.ui.Localized;
import dev.billfold.base.ui.NoAccountNeeded;
import dev.billfold.staff.StaffRole;
import dev.billfold.staff.ui.OpsLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A Finance member credits or debits one account (from its back-office page): a direction, an amount in the account's
 * currency, a reason and a note. Above the approval limit it goes to the queue for a second Finance member. A
 * language switch relabels the form and keeps what is typed.
 */
@Route(value = OpsAdjustView.ROUTE, layout = OpsLayout.class)
@RolesAllowed(StaffRole.Names.FINANCE)
@NoAccountNeeded
public class OpsAdjustView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle,
        LocaleChangeObserver {

    static final String ROUTE = "ops/adjust";
    /** The query parameter naming the account. */
    public static final String ACCOUNT = "account";

    private final AdjustmentService adjustments;
    private final Banner banner = new Banner("adjust-banner", "ops-banner");
    private final Div form = new Div();
    private final Span account = new Span();
    private final Span balance = new Span();
    private final RadioButtonGroup<AdjustmentDirection> direction = new RadioButtonGroup<>();
    private final TextField amount = new TextField();
    private final Select<AdjustmentCategory> category = new Select<>();
    private final TextArea note = new TextArea();
    private final Paragraph limits = new Paragraph();
    private final Anchor back = Localized.text(new Anchor(), "adjustment.adjust.back");
    private @Nullable AdjustmentForm shown;
    private @Nullable AccountId accountId;

    OpsAdjustView(AdjustmentService adjustments) {
        this.adjustments = adjustments;
        addClassName("ops-adjust-view");
        account.setId("adjust-account");
        balance.setId("adjust-balance");
        limits.setId("adjust-limits");
        back.setId("adjust-back");

        direction.setId("adjust-direction");
        direction.setItems(AdjustmentDirection.values());
        Localized.bind(direction, direction::setLabel, "adjustment.adjust.direction");
        direction.setItemLabelGenerator(choice -> getTranslation("adjustment.direction." + choice.name()));
        direction.setValue(AdjustmentDirection.CREDIT);
        Localized.bind(amount, amount::setLabel, "adjustment.adjust.amount");
        amount.setId("adjust-amount");
        amount.setMaxLength(AdjustmentService.AMOUNT_MAX_LENGTH);
        amount.setWidth("14rem");
        category.setId("adjust-category");
        Localized.bind(category, category::setLabel, "adjustment.adjust.reason");
        category.setItems(AdjustmentCategory.values());
        category.setItemLabelGenerator(choice -> AdjustmentLabels.category(this, choice));
        Localized.bind(category, category::setHelperText, "adjustment.adjust.reason.helper");
        category.setWidth("20rem");
        note.setId("adjust-note");
        note.setMaxLength(AdjustmentService.NOTE_MAX);
        note.setWidth("32rem");
        Localized.bind(note, note::setLabel, "adjustment.adjust.note");
        Localized.bind(note, note::setHelperText, "adjustment.adjust.note.helper");
        var submit = Localized.text(new Button("", e -> submit()), "adjustment.adjust.submit");
        submit.setId("adjust-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var queue = Localized.text(new RouterLink("", OpsAdjustmentsView.class), "adjustment.adjust.queue");
        queue.setId("adjust-queue-link");

        form.add(new Div(account), new Div(balance), limits, direction, new Div(amount), new Div(category),
                new Div(note), submit);
        add(Localized.text(new H2(), "adjustment.adjust.title"), banner, form, new Div(back), queue);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("adjustment.adjust.page-title");
    }

    /** The account's lines and the choices' names are rendered again; what is typed stays. */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        var chosenDirection = direction.getValue();
        var chosenCategory = category.getValue();
        direction.getDataProvider().refreshAll();
        category.getDataProvider().refreshAll();
        direction.setValue(chosenDirection);
        category.setValue(chosenCategory);
        if (shown != null) {
            show(shown);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        banner.hide();
        String id = event.getLocation().getQueryParameters().getSingleParameter(ACCOUNT).orElse("");
        try {
            accountId = new AccountId(UUID.fromString(id.length() == 36 ? id : "not an id"));
            show(adjustments.form(accountId));
            form.setVisible(true);
            back.setVisible(true);
        } catch (InvalidRequestException | IllegalArgumentException notFound) {
            accountId = null;
            form.setVisible(false);
            back.setVisible(false);
            banner.show(getTranslation("adjustment.adjust.not-found"), Banner.ERROR);
        }
    }

    private void show(AdjustmentForm head) {
        shown = head;
        account.setText(getTranslation("adjustment.adjust.account", head.accountName(), head.accountNumber()));
        balance.setText(getTranslation("adjustment.adjust.balance", head.balance().format()));
        amount.setPrefixComponent(new Span(head.balance().currencyCode()));
        back.setHref(OpsLayout.accountHref(head.accountId().value()));
        limits.setText(getTranslation("adjustment.adjust.limits", head.max().format(), head.approvalAbove().format()));
    }

    private void submit() {
        if (accountId == null) {
            return;
        }
        amount.setInvalid(false);
        note.setInvalid(false);
        try {
            AdjustmentRow done = adjustments.request(new AdjustmentRequest(accountId, direction.getValue(),
                    amount.getValue(), category.getValue(), note.getValue()));
            AdjustmentForm after = adjustments.form(accountId);
            show(after);
            banner.show(done.status() == AdjustmentStatus.POSTED
                    ? getTranslation("adjustment.adjust.posted", AdjustmentLabels.amount(this, done),
                    done.accountName(), after.balance().format())
                    : getTranslation("adjustment.adjust.waits", AdjustmentLabels.amount(this, done)), Banner.SUCCESS);
            amount.clear();
            note.clear();
            category.clear();
            OpsLayout.queuesChanged(this);
        } catch (InvalidRequestException refused) {
            banner.show(refused.getLocalizedMessage(), Banner.ERROR);
            if ("amount".equals(refused.field())) {
                amount.setErrorMessage(refused.getLocalizedMessage());
                amount.setInvalid(true);
            } else if ("note".equals(refused.field())) {
                note.setErrorMessage(refused.getLocalizedMessage());
                note.setInvalid(true);
            }
        }
    }
}
