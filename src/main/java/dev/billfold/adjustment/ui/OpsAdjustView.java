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
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
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
import dev.billfold.base.ui.NoAccountNeeded;
import dev.billfold.staff.StaffRole;
import dev.billfold.staff.ui.OpsLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A Finance member credits or debits one account (from its back-office page): a direction, an amount in the account's
 * currency, a reason and a note. Above the approval limit it goes to the queue for a second Finance member.
 */
@Route(value = OpsAdjustView.ROUTE, layout = OpsLayout.class)
@PageTitle("Adjust a balance · Billfold back office")
@RolesAllowed(StaffRole.Names.FINANCE)
@NoAccountNeeded
public class OpsAdjustView extends VerticalLayout implements BeforeEnterObserver {

    static final String ROUTE = "ops/adjust";
    /** The query parameter naming the account. */
    public static final String ACCOUNT = "account";

    private final AdjustmentService adjustments;
    private final Banner banner = new Banner("adjust-banner", "ops-banner");
    private final Div form = new Div();
    private final Span account = new Span();
    private final Span balance = new Span();
    private final RadioButtonGroup<AdjustmentDirection> direction = new RadioButtonGroup<>("Direction");
    private final TextField amount = new TextField("Amount");
    private final Select<AdjustmentCategory> category = new Select<>();
    private final TextArea note = new TextArea("Note");
    private final Paragraph limits = new Paragraph();
    private final Anchor back = new Anchor("", "Back to the account");
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
        direction.setItemLabelGenerator(choice -> choice == AdjustmentDirection.CREDIT
                ? "Credit (raises the balance)" : "Debit (lowers the balance)");
        direction.setValue(AdjustmentDirection.CREDIT);
        amount.setId("adjust-amount");
        amount.setMaxLength(AdjustmentService.AMOUNT_MAX_LENGTH);
        amount.setWidth("14rem");
        category.setId("adjust-category");
        category.setLabel("Reason");
        category.setItems(AdjustmentCategory.values());
        category.setItemLabelGenerator(AdjustmentCategory::label);
        category.setHelperText("The customer sees the reason, e.g. \u201cAdjustment: Goodwill credit\u201d.");
        category.setWidth("20rem");
        note.setId("adjust-note");
        note.setMaxLength(AdjustmentService.NOTE_MAX);
        note.setWidth("32rem");
        note.setHelperText("What happened, and why. Staff only: the customer never sees it.");
        var submit = new Button("Adjust balance", e -> submit());
        submit.setId("adjust-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var queue = new RouterLink("The approval queue", OpsAdjustmentsView.class);
        queue.setId("adjust-queue-link");

        form.add(new Div(account), new Div(balance), limits, direction, new Div(amount), new Div(category),
                new Div(note), submit);
        add(new H2("Adjust a balance"), banner, form, new Div(back), queue);
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
            banner.show("We could not find that account.", Banner.ERROR);
        }
    }

    private void show(AdjustmentForm head) {
        account.setText("%s, account number %s".formatted(head.accountName(), head.accountNumber()));
        balance.setText("Balance " + head.balance().format());
        amount.setPrefixComponent(new Span(head.balance().currencyCode()));
        back.setHref(OpsLayout.accountHref(head.accountId().value()));
        limits.setText(("Up to %s at once; above %s a second Finance member approves it before it posts. A debit "
                + "may not take the balance below zero.")
                .formatted(head.max().format(), head.approvalAbove().format()));
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
            show(adjustments.form(accountId));
            banner.show(done.status() == AdjustmentStatus.POSTED
                    ? "%s posted to %s. The balance is now %s.".formatted(AdjustmentLabels.amount(done),
                    done.accountName(), balance.getText().substring("Balance ".length()))
                    : "%s waits for a second Finance member's approval in the queue.".formatted(
                    AdjustmentLabels.amount(done)), Banner.SUCCESS);
            amount.clear();
            note.clear();
            category.clear();
            OpsLayout.queuesChanged(this);
        } catch (InvalidRequestException refused) {
            banner.show(refused.getMessage(), Banner.ERROR);
            if ("amount".equals(refused.field())) {
                amount.setErrorMessage(refused.getMessage());
                amount.setInvalid(true);
            } else if ("note".equals(refused.field())) {
                note.setErrorMessage(refused.getMessage());
                note.setInvalid(true);
            }
        }
    }
}
