package dev.billfold.ops.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.billfold.account.AccountId;
import dev.billfold.adjustment.ui.OpsAdjustView;
import dev.billfold.audit.AuditTrail;
import dev.billfold.audit.ui.AuditGrid;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Banner;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.base.ui.NoAccountNeeded;
import dev.billfold.ops.AccountNotes;
import dev.billfold.ops.OpsAccount;
import dev.billfold.ops.OpsAccountQuery;
import dev.billfold.staff.StaffRole;
import dev.billfold.staff.ui.OpsLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One account as the back office sees it: read only (balance, payers, members, methods, services, money moves, the
 * audit trail) but for staff's notes.
 */
@Route(value = OpsAccountView.ROUTE, layout = OpsLayout.class)
@PageTitle("Account · Billfold back office")
@RolesAllowed({StaffRole.Names.SUPPORT, StaffRole.Names.FINANCE})
@NoAccountNeeded
class OpsAccountView extends VerticalLayout implements BeforeEnterObserver {

    static final String ROUTE = OpsLayout.ACCOUNT_ROUTE;
    static final String ID = "id";

    private final OpsAccountQuery accounts;
    private final AccountNotes notes;
    private final List<OpsAccountSection> sections;
    private final boolean finance;
    private final Banner banner = new Banner("ops-account-banner", "ops-banner");
    private final Div content = new Div();
    private @Nullable AuditGrid trailGrid;

    OpsAccountView(OpsAccountQuery accounts, AccountNotes notes, AuthenticationContext authentication,
                   List<OpsAccountSection> sections) {
        this.accounts = accounts;
        this.notes = notes;
        this.sections = sections.stream().sorted(Comparator.comparingInt(OpsAccountSection::position)).toList();
        this.finance = authentication.hasRole(StaffRole.Names.FINANCE);
        addClassName("ops-account-view");
        content.setId("ops-account");
        content.setWidthFull();
        add(banner, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        content.removeAll();
        trailGrid = null;
        banner.hide();
        String id = event.getLocation().getQueryParameters().getSingleParameter(ID).orElse("");
        try {
            show(accounts.account(new AccountId(parse(id))));
        } catch (InvalidRequestException | IllegalArgumentException notFound) {
            banner.show("We could not find that account.", Banner.ERROR);
        }
    }

    private static UUID parse(String id) {
        if (id.length() != 36) {
            throw new IllegalArgumentException("Not an account id");
        }
        return UUID.fromString(id);
    }

    private void show(OpsAccount account) {
        LocalTimes times = LocalTimes.ofBrowser();
        var title = new H2(account.name());
        title.setId("ops-account-name");
        var number = new Span("Account number " + account.number());
        number.setId("ops-account-number");
        var balance = new Span("Balance " + account.balance().format());
        balance.setId("ops-account-balance");
        content.add(title, new Div(number), new Div(balance));
        if (finance) {
            var adjust = new Button("Adjust balance", e -> UI.getCurrent().navigate(OpsAdjustView.class,
                    QueryParameters.of(OpsAdjustView.ACCOUNT, account.id().value().toString())));
            adjust.setId("ops-adjust-balance");
            content.add(adjust);
        }

        section("Payers", "ops-payers", account.payers(), grid -> {
            grid.addColumn(OpsAccount.Payer::name).setHeader("Name");
            grid.addColumn(OpsAccount.Payer::type).setHeader("Type");
            grid.addColumn(payer -> orDash(payer.taxId())).setHeader("Tax id");
            grid.addColumn(payer -> orDash(payer.invoiceEmail())).setHeader("Invoice e-mail");
            grid.addColumn(payer -> payer.archived() ? "Archived" : payer.isDefault() ? "Default" : "")
                    .setHeader("");
        });
        section("Members", "ops-members", account.members(), grid -> {
            grid.addColumn(OpsAccount.Member::displayName).setHeader("Name");
            grid.addColumn(member -> orDash(member.email())).setHeader("E-mail");
            grid.addColumn(OpsAccount.Member::role).setHeader("Role");
        });
        section("Saved payment methods", "ops-methods", account.methods(), grid -> {
            grid.addColumn(OpsAccount.Method::label).setHeader("Method");
            grid.addColumn(OpsAccount.Method::status).setHeader("Status");
            grid.addColumn(method -> method.isDefault() ? "Default" : "").setHeader("");
        });
        section("Services", "ops-services", account.services(), grid -> {
            grid.addColumn(OpsAccount.Service::name).setHeader("Service");
            grid.addColumn(service -> service.price().format() + " / " + service.period()).setHeader("Price");
            grid.addColumn(service -> service.paidUntil() == null ? "\u2014" : service.paidUntil().toString())
                    .setHeader("Paid until");
            grid.addColumn(OpsAccount.Service::status).setHeader("Status");
            grid.addColumn(service -> service.autoRenew() ? "Auto-renews" : "").setHeader("");
        });
        section("Timeline", "ops-timeline", account.timeline(), grid -> {
            grid.addColumn(entry -> times.format(entry.at())).setHeader("When");
            grid.addColumn(OpsAccount.Entry::kind).setHeader("Kind");
            grid.addColumn(entry -> entry.amount().format()).setHeader("Amount");
            grid.addColumn(OpsAccount.Entry::reference).setHeader("Cause");
        });
        section("Payments", "ops-payments", account.payments(), grid -> {
            grid.addColumn(payment -> times.format(payment.createdAt())).setHeader("Created");
            grid.addColumn(payment -> payment.amount().format()).setHeader("Amount");
            grid.addColumn(OpsAccount.Payment::method).setHeader("Method");
            grid.addColumn(OpsAccount.Payment::status).setHeader("Status");
            grid.addColumn(payment -> orDash(payment.invoiceNumber())).setHeader("Invoice");
            grid.addColumn(payment -> orDash(payment.providerReference())).setHeader("Provider reference");
            grid.addColumn(OpsAccount.Payment::id).setHeader("Payment id");
        });
        notes(account.id());
        var trail = new AuditGrid("ops-account-trail", false, page -> notes.trail(account.id(), page));
        trail.setHeight("28rem");
        trailGrid = trail;
        content.add(new H3("Audit trail"), trail);
        sections.forEach(section -> section.section(account.id()).ifPresent(content::add));
    }

    /** A note is an audit entry (DD-061): the form appends one, and the list and the trail show it at once. */
    private void notes(AccountId accountId) {
        var text = new TextArea("Note");
        text.setId("note-text");
        text.setWidthFull();
        text.setMaxLength(AccountNotes.MAX_NOTE);
        text.addValueChangeListener(e -> text.setInvalid(false));
        var forCustomer = new Checkbox("The customer may read it (shown on their Activity page, from \u201c"
                + AuditTrail.BILLING_TEAM + "\u201d)");
        forCustomer.setId("note-customer-visible");
        var list = new AuditGrid("ops-account-notes", false, page -> notes.notes(accountId, page));
        list.setHeight("16rem");
        var add = new Button("Add note", e -> {
            try {
                notes.add(accountId, text.getValue(), forCustomer.getValue());
            } catch (InvalidRequestException refused) {
                text.setErrorMessage(refused.getMessage());
                text.setInvalid(true);
                return;
            }
            text.clear();
            forCustomer.clear();
            banner.show("Note added.", Banner.SUCCESS);
            list.refresh();
            if (trailGrid != null) {
                trailGrid.refresh();
            }
        });
        add.setId("note-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new Div(text, forCustomer, add);
        form.setId("ops-note-form");
        form.addClassName("ops-note-form");
        content.add(new H3("Notes"), form, list);
    }

    private <T> void section(String heading, String id, List<T> rows, Consumer<Grid<T>> columns) {
        var grid = new Grid<T>();
        grid.setId(id);
        columns.accept(grid);
        grid.getColumns().forEach(column -> column.setAutoWidth(true));
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        var empty = new Span("None.");
        empty.setId(id + "-none");
        grid.setVisible(!rows.isEmpty());
        empty.setVisible(rows.isEmpty());
        content.add(new H3(heading), grid, empty);
    }

    private static String orDash(@Nullable String text) {
        return text == null || text.isBlank() ? "\u2014" : text;
    }
}
