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
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import dev.billfold.account.PayerDetails;
import dev.billfold.account.PayerDraft;
import dev.billfold.account.PayerService;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Localized;
import dev.billfold.base.ui.PageTitles;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who pays for the account. Owners add, edit, archive and choose the default; everyone else reads. The buttons are a
 * convenience: the service checks the role on every change.
 */
@Route("payers")
@Menu(order = 3, title = "Payers", icon = "vaadin:users")
@PermitAll
class PayersView extends Div implements HasDynamicTitle, LocaleChangeObserver {

    private final PayerService payers;
    private final boolean mayManage;
    private final Div active = new Div();
    private final Div archived = new Div();
    private final H3 archivedTitle = Localized.text(new H3(), "account.payers.archived-title");

    PayersView(PayerService payers) {
        this.payers = payers;
        this.mayManage = payers.mayManage();
        addClassName("payers-view");
        PageTitles.follow(this, "account.payers.page-title");

        var add = Localized.text(new Button(), "account.payers.add");
        add.addClickListener(e -> new PayerDialog("account.payers.add-title", "",
                new PayerDraft(null, null, null, null, null, null), payers::add,
                () -> changed(getTranslation("account.payers.added"))).open());
        add.setId("add-payer");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(mayManage);

        var readOnly = Localized.text(new Paragraph(), "account.payers.read-only");
        readOnly.setId("payers-read-only");
        readOnly.addClassName("hint");
        readOnly.setVisible(!mayManage);

        active.setId("active-payers");
        active.addClassName("payer-list");
        archived.setId("archived-payers");
        archived.addClassName("payer-list");
        add(Localized.text(new H2(), "account.payers.title"), readOnly, add, active, archivedTitle, archived);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.payers.page-title");
    }

    /** The cards are drawn from data, so they are drawn again in the new language. */
    @Override
    public void localeChange(LocaleChangeEvent event) {
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
        var heading = new Div(name, badge(getTranslation("account.payer-type." + payer.type().name()), "type"));
        heading.addClassName("payer-heading");
        if (payer.isDefault()) {
            heading.add(badge(getTranslation("account.payers.default"), "default"));
        }
        if (payer.archived()) {
            heading.add(badge(getTranslation("account.payers.archived"), "archived"));
        }
        var details = new Div();
        details.addClassName("detail-list");
        item(details, getTranslation("account.payers.tax-id"), payer.taxId() == null ? "—" : payer.taxId());
        item(details, getTranslation("account.payers.address"), payer.address());
        item(details, getTranslation("account.payers.country"),
                PayerDialog.countryName(payer.country(), Localized.localeOf(this)) + " (" + payer.country() + ")");
        item(details, getTranslation("account.payers.invoices-to"), payer.invoiceEmail());
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
        var edit = new Button(getTranslation("account.payers.edit"), e -> new PayerDialog("account.payers.edit-title",
                payer.legalName(), PayerDraft.of(payer), draft -> payers.update(payer.id(), payer.version(), draft),
                () -> changed(getTranslation("account.payers.saved"))).open());
        edit.setId("edit-" + id);
        var makeDefault = new Button(getTranslation("account.payers.make-default"),
                e -> act(() -> payers.makeDefault(payer.id(), payer.version()),
                        getTranslation("account.payers.made-default", payer.legalName())));
        makeDefault.setId("make-default-" + id);
        makeDefault.setVisible(!payer.isDefault());
        List<PayerDetails> others = activeOnes.stream().filter(p -> !p.id().equals(payer.id())).toList();
        var archive = new Button(getTranslation("account.payers.archive"), e -> new ArchivePayerDialog(payer, others,
                newDefault -> payers.archive(payer.id(), payer.version(), newDefault),
                () -> changed(getTranslation("account.payers.was-archived", payer.legalName()))).open());
        archive.setId("archive-" + id);
        archive.addThemeVariants(ButtonVariant.LUMO_ERROR);
        archive.setEnabled(!others.isEmpty());
        if (others.isEmpty()) {
            archive.setTooltipText(getTranslation("account.payers.only-active"));
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
            Notification.show(refused.getLocalizedMessage(), 6000, Notification.Position.TOP_CENTER)
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
