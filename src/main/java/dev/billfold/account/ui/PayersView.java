package dev.billfold.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.billfold.account.Countries;
import dev.billfold.account.PayerDetails;
import dev.billfold.account.PayerDraft;
import dev.billfold.account.PayerService;
import dev.billfold.base.InvalidRequestException;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who pays for the account. Owners add, edit, archive and choose the default; everyone else reads. The buttons are a
 * convenience: the service checks the role on every change.
 */
@Route("payers")
@PageTitle("Payers · Billfold")
@Menu(order = 3, title = "Payers", icon = "vaadin:users")
@PermitAll
class PayersView extends Div {

    private final PayerService payers;
    private final boolean mayManage;
    private final Div active = new Div();
    private final Div archived = new Div();
    private final H3 archivedTitle = new H3("Archived payers");

    PayersView(PayerService payers) {
        this.payers = payers;
        this.mayManage = payers.mayManage();
        addClassName("payers-view");

        var add = new Button("Add payer", e -> new PayerDialog("Add a payer",
                new PayerDraft(null, null, null, null, null, null), payers::add, () -> changed("Payer added.")).open());
        add.setId("add-payer");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(mayManage);

        var readOnly = new Paragraph("Only the account's owners can add or change payers.");
        readOnly.setId("payers-read-only");
        readOnly.addClassName("hint");
        readOnly.setVisible(!mayManage);

        active.setId("active-payers");
        active.addClassName("payer-list");
        archived.setId("archived-payers");
        archived.addClassName("payer-list");
        add(new H2("Payers"), readOnly, add, active, archivedTitle, archived);
        refresh();
    }

    private void refresh() {
        List<PayerDetails> all = payers.all();
        List<PayerDetails> activeOnes = all.stream().filter(p -> !p.archived()).toList();
        active.removeAll();
        archived.removeAll();
        activeOnes.forEach(p -> active.add(card(p, activeOnes)));
        all.stream().filter(PayerDetails::archived).forEach(p -> archived.add(card(p, activeOnes)));
        archivedTitle.setVisible(archived.getComponentCount() > 0);
    }

    private Div card(PayerDetails payer, List<PayerDetails> activeOnes) {
        var name = new Span(payer.legalName());
        name.addClassName("payer-name");
        var heading = new Div(name, badge(payer.type().label(), "type"));
        heading.addClassName("payer-heading");
        if (payer.isDefault()) {
            heading.add(badge("Default", "default"));
        }
        if (payer.archived()) {
            heading.add(badge("Archived", "archived"));
        }
        var details = new Div();
        details.addClassName("detail-list");
        item(details, "Tax id", payer.taxId() == null ? "—" : payer.taxId());
        item(details, "Address", payer.address());
        item(details, "Country", Countries.name(payer.country()) + " (" + payer.country() + ")");
        item(details, "Invoices to", payer.invoiceEmail());
        var card = new Div(heading, details);
        card.addClassName("payer-card");
        card.setId("payer-" + payer.id().value());
        if (mayManage && !payer.archived()) {
            card.add(actions(payer, activeOnes));
        }
        return card;
    }

    private Div actions(PayerDetails payer, List<PayerDetails> activeOnes) {
        String id = payer.id().value().toString();
        var edit = new Button("Edit", e -> new PayerDialog("Edit " + payer.legalName(), PayerDraft.of(payer),
                draft -> payers.update(payer.id(), payer.version(), draft), () -> changed("Payer saved.")).open());
        edit.setId("edit-" + id);
        var makeDefault = new Button("Make default", e -> act(() -> payers.makeDefault(payer.id(), payer.version()),
                payer.legalName() + " is now the default payer."));
        makeDefault.setId("make-default-" + id);
        makeDefault.setVisible(!payer.isDefault());
        List<PayerDetails> others = activeOnes.stream().filter(p -> !p.id().equals(payer.id())).toList();
        var archive = new Button("Archive", e -> new ArchivePayerDialog(payer, others,
                newDefault -> payers.archive(payer.id(), payer.version(), newDefault),
                () -> changed(payer.legalName() + " is archived.")).open());
        archive.setId("archive-" + id);
        archive.addThemeVariants(ButtonVariant.LUMO_ERROR);
        archive.setEnabled(!others.isEmpty());
        if (others.isEmpty()) {
            archive.setTooltipText("The only active payer cannot be archived. Add another payer first.");
        }
        for (Button button : List.of(edit, makeDefault, archive)) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        }
        var actions = new Div(edit, makeDefault, archive);
        actions.addClassName("payer-actions");
        return actions;
    }

    private void act(Runnable change, String done) {
        try {
            change.run();
        } catch (InvalidRequestException refused) {
            Notification.show(refused.getMessage(), 6000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            refresh();
            return;
        }
        changed(done);
    }

    private void changed(@Nullable String message) {
        refresh();
        PayersChanged.fire();
        if (message != null) {
            Notification.show(message, 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }
    }

    private static Span badge(String text, String kind) {
        var badge = new Span(text);
        badge.addClassNames("badge", "payer-" + kind);
        return badge;
    }

    private static void item(Div list, String term, String value) {
        var label = new Span(term);
        label.addClassName("term");
        var text = new Span(value);
        text.addClassName("value");
        list.add(label, text);
    }
}
