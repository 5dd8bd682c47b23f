package dev.billfold.statement.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.Route;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Banner;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.base.ui.Localized;
import dev.billfold.base.ui.NoAccountNeeded;
import dev.billfold.payment.HeldPayments;
import dev.billfold.staff.StaffRole;
import dev.billfold.staff.ui.OpsLayout;
import dev.billfold.statement.EntryAlreadyResolvedException;
import dev.billfold.statement.EntryResult;
import dev.billfold.statement.UnmatchedEntries;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The unmatched bank entries, oldest first. Finance resolves one in a dialog: credit it to an account by number
 * (with the reason its customer sees), record it returned to the sender with the bank's reference, or reject it,
 * each with a note. Whoever comes second is told what the first did, and the queue is read again.
 */
@Route(value = "ops/unmatched", layout = OpsLayout.class)
@RolesAllowed({StaffRole.Names.SUPPORT, StaffRole.Names.FINANCE})
@NoAccountNeeded
public class UnmatchedEntriesView extends VerticalLayout implements HasDynamicTitle, LocaleChangeObserver {

    private final UnmatchedEntries unmatched;
    private final Grid<EntryResult> grid = new Grid<>(EntryResult.class, false);
    private final Banner banner = new Banner("unmatched-banner", "ops-banner");

    UnmatchedEntriesView(UnmatchedEntries unmatched) {
        this.unmatched = unmatched;
        addClassName("unmatched-view");
        LocalTimes times = LocalTimes.ofBrowser();
        grid.setId("unmatched-entries");
        StatementTexts.header(grid.addColumn(e -> times.format(e.recordedAt())), "statement.column.imported-at",
                times.label()).setAutoWidth(true);
        StatementTexts.header(grid.addColumn(EntryResult::bankReference), "statement.column.bank-reference")
                .setAutoWidth(true);
        StatementTexts.header(grid.addColumn(e -> e.amount().format()), "statement.column.amount").setAutoWidth(true);
        StatementTexts.header(grid.addColumn(e -> e.debtorName() == null ? "" : e.debtorName()),
                "statement.column.from").setAutoWidth(true);
        StatementTexts.header(grid.addColumn(EntryResult::remittance), "statement.column.purpose").setFlexGrow(1);
        StatementTexts.header(grid.addColumn(e -> e.detail() == null ? "" : e.detail()),
                "statement.column.why-unmatched").setFlexGrow(1);
        if (StaffRoles.finance()) {
            grid.addComponentColumn(e -> {
                Button resolve = new Button(getTranslation("statement.unmatched.resolve"), click -> open(e));
                resolve.addClassName("unmatched-resolve");
                return resolve;
            }).setAutoWidth(true);
        }
        grid.setItems(query -> unmatched.queue(query.getOffset(), query.getLimit()).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, unmatched.waiting()));
        add(Localized.text(new H2(), "statement.unmatched.title"), banner, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("statement.unmatched.page-title");
    }

    /** The rows' buttons are rendered again in the new language. */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        grid.getDataProvider().refreshAll();
    }

    /** The resolution dialog for one entry. */
    Dialog open(EntryResult entry) {
        Dialog dialog = new Dialog();
        dialog.setId("unmatched-dialog");
        Localized.bind(dialog, dialog::setHeaderTitle, "statement.unmatched.dialog.title", entry.bankReference(),
                entry.amount().format());
        TextField account = label(new TextField(), "statement.unmatched.account-number");
        account.setId("unmatched-account-number");
        account.setMaxLength(20);
        TextField reference = label(new TextField(), "statement.unmatched.return-reference");
        reference.setId("unmatched-bank-reference");
        reference.setMaxLength(140);
        TextArea note = new TextArea();
        Localized.bind(note, note::setLabel, "statement.unmatched.note");
        note.setId("unmatched-note");
        note.setMaxLength(1000);
        note.setWidthFull();
        TextField customerReason = label(new TextField(), "statement.unmatched.customer-reason");
        customerReason.setId("unmatched-customer-reason");
        customerReason.setMaxLength(HeldPayments.CUSTOMER_REASON_MAX);
        customerReason.setWidthFull();
        Button credit = Localized.text(new Button("", e -> resolve(dialog,
                () -> unmatched.creditToAccount(entry.id(), account.getValue(), note.getValue(),
                        customerReason.getValue()))), "statement.unmatched.credit");
        credit.setId("unmatched-credit");
        credit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button returned = Localized.text(new Button("", e -> resolve(dialog,
                () -> unmatched.returnToSender(entry.id(), reference.getValue(), note.getValue()))),
                "statement.unmatched.returned");
        returned.setId("unmatched-return");
        Button reject = Localized.text(new Button("", e -> resolve(dialog,
                () -> unmatched.reject(entry.id(), note.getValue()))), "statement.unmatched.reject");
        reject.setId("unmatched-reject");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button cancel = Localized.text(new Button("", e -> dialog.close()), "statement.unmatched.cancel");
        Banner error = new Banner("unmatched-dialog-error", "ops-banner");
        dialog.add(new VerticalLayout(new Paragraph(entry.remittance()), error,
                new HorizontalLayout(account, credit), customerReason, new HorizontalLayout(reference, returned),
                note));
        dialog.getFooter().add(reject, cancel);
        errors.put(dialog, error);
        add(dialog);
        dialog.open();
        return dialog;
    }

    private final Map<Dialog, Banner> errors = new HashMap<>();

    private static TextField label(TextField field, String key) {
        return Localized.bind(field, field::setLabel, key);
    }

    private void resolve(Dialog dialog, Supplier<EntryResult> action) {
        try {
            EntryResult done = action.get();
            dialog.close();
            errors.remove(dialog);
            banner.show(done.bankReference() + ": " + done.resolutionText(), Banner.SUCCESS);
            changed();
        } catch (EntryAlreadyResolvedException first) {
            dialog.close();
            errors.remove(dialog);
            banner.show(first.getLocalizedMessage(), Banner.ERROR);
            changed();
        } catch (InvalidRequestException bad) {
            errors.get(dialog).show(bad.getLocalizedMessage(), Banner.ERROR);
        }
    }

    private void changed() {
        grid.getDataProvider().refreshAll();
        OpsLayout.queuesChanged(this);
    }
}
