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
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.billfold.account.AccountId;
import dev.billfold.adjustment.ui.OpsAdjustView;
import dev.billfold.audit.ui.AuditGrid;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.Texts;
import dev.billfold.base.ui.Banner;
import dev.billfold.base.ui.CompactRows;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.base.ui.Localized;
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
 * audit trail) but for staff's notes. A language switch relabels the page and renders the grids' cells again, so a
 * note being typed stays.
 */
@Route(value = OpsAccountView.ROUTE, layout = OpsLayout.class)
@RolesAllowed({StaffRole.Names.SUPPORT, StaffRole.Names.FINANCE})
@NoAccountNeeded
class OpsAccountView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle, LocaleChangeObserver {

    static final String ROUTE = OpsLayout.ACCOUNT_ROUTE;
    static final String ID = "id";

    private final OpsAccountQuery accounts;
    private final AccountNotes notes;
    private final List<OpsAccountSection> sections;
    private final boolean finance;
    private final Banner banner = new Banner("ops-account-banner", "ops-banner");
    private final Div content = new Div();
    private @Nullable AuditGrid trailGrid;
    private final List<Grid<?>> grids = new java.util.ArrayList<>();

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
        grids.clear();
        trailGrid = null;
        banner.hide();
        String id = event.getLocation().getQueryParameters().getSingleParameter(ID).orElse("");
        try {
            show(accounts.account(new AccountId(parse(id))));
        } catch (InvalidRequestException | IllegalArgumentException notFound) {
            banner.show(getTranslation("ops.account.not-found"), Banner.ERROR);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("ops.account.page-title");
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        grids.forEach(grid -> grid.getDataProvider().refreshAll());
    }

    private static <T> Grid.Column<T> header(Grid.Column<T> column, String key) {
        return Localized.bind(column, column::setHeader, key);
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
        var number = Localized.text(new Span(), "ops.account.number", account.number());
        number.setId("ops-account-number");
        var balance = Localized.text(new Span(), "ops.account.balance", account.balance().format());
        balance.setId("ops-account-balance");
        content.add(title, new Div(number), new Div(balance));
        if (finance) {
            var adjust = Localized.text(new Button("", e -> UI.getCurrent().navigate(OpsAdjustView.class,
                    QueryParameters.of(OpsAdjustView.ACCOUNT, account.id().value().toString()))), "ops.account.adjust");
            adjust.setId("ops-adjust-balance");
            content.add(adjust);
        }

        section("ops.account.payers", "ops-payers", account.payers(), grid -> {
            header(grid.addColumn(OpsAccount.Payer::name), "ops.column.name");
            header(grid.addColumn(OpsAccount.Payer::type), "ops.column.type");
            header(grid.addColumn(payer -> orDash(payer.taxId())), "ops.column.tax-id");
            header(grid.addColumn(payer -> orDash(payer.invoiceEmail())), "ops.column.invoice-email");
            grid.addColumn(payer -> payer.archived() ? getTranslation("ops.account.archived")
                    : payer.isDefault() ? getTranslation("ops.account.default") : "").setHeader("");
        });
        var members = section("ops.account.members", "ops-members", account.members(), grid -> {
            header(grid.addColumn(OpsAccount.Member::displayName), "ops.column.name");
            header(grid.addColumn(member -> orDash(member.email())), "ops.column.email");
            header(grid.addColumn(OpsAccount.Member::role), "ops.column.role");
        });
        compactMembers(members);
        section("ops.account.methods", "ops-methods", account.methods(), grid -> {
            header(grid.addColumn(OpsAccount.Method::label), "ops.column.method");
            header(grid.addColumn(OpsAccount.Method::status), "ops.column.status");
            grid.addColumn(method -> method.isDefault() ? getTranslation("ops.account.default") : "").setHeader("");
        });
        section("ops.account.services", "ops-services", account.services(), grid -> {
            header(grid.addColumn(OpsAccount.Service::name), "ops.column.service");
            header(grid.addColumn(service -> service.price().format() + " / " + service.period()), "ops.column.price");
            header(grid.addColumn(service -> service.paidUntil() == null ? "\u2014" : service.paidUntil().toString()),
                    "ops.column.paid-until");
            header(grid.addColumn(OpsAccount.Service::status), "ops.column.status");
            grid.addColumn(service -> service.autoRenew() ? getTranslation("ops.account.auto-renews") : "")
                    .setHeader("");
        });
        section("ops.account.timeline", "ops-timeline", account.timeline(), grid -> {
            header(grid.addColumn(entry -> times.format(entry.at())), "ops.column.when");
            header(grid.addColumn(OpsAccount.Entry::kind), "ops.column.kind");
            header(grid.addColumn(entry -> entry.amount().format()), "ops.column.amount");
            header(grid.addColumn(OpsAccount.Entry::reference), "ops.column.cause");
        });
        section("ops.account.payments", "ops-payments", account.payments(), grid -> {
            header(grid.addColumn(payment -> times.format(payment.createdAt())), "ops.column.created");
            header(grid.addColumn(payment -> payment.amount().format()), "ops.column.amount");
            header(grid.addColumn(OpsAccount.Payment::method), "ops.column.method");
            header(grid.addColumn(OpsAccount.Payment::status), "ops.column.status");
            header(grid.addColumn(payment -> orDash(payment.invoiceNumber())), "ops.column.invoice");
            header(grid.addColumn(payment -> orDash(payment.providerReference())), "ops.column.provider-reference");
            header(grid.addColumn(OpsAccount.Payment::id), "ops.column.payment-id");
        });
        notes(account.id());
        var trail = new AuditGrid("ops-account-trail", false, page -> notes.trail(account.id(), page));
        trail.setHeight("28rem");
        trailGrid = trail;
        content.add(Localized.text(new H3(), "ops.account.audit-trail"), trail);
        sections.forEach(section -> section.section(account.id()).ifPresent(content::add));
    }

    /** A note is an audit entry (DD-061): the form appends one, and the list and the trail show it at once. */
    private void notes(AccountId accountId) {
        var text = new TextArea();
        Localized.bind(text, text::setLabel, "ops.note");
        text.setId("note-text");
        text.setWidthFull();
        text.setMaxLength(AccountNotes.MAX_NOTE);
        text.addValueChangeListener(e -> text.setInvalid(false));
        var forCustomer = new Checkbox();
        Localized.bind(forCustomer, forCustomer::setLabel, "ops.note.customer-visible",
                new Texts.Message("audit.billing-team"));
        forCustomer.setId("note-customer-visible");
        var list = new AuditGrid("ops-account-notes", false, page -> notes.notes(accountId, page));
        list.setHeight("16rem");
        var add = Localized.text(new Button(), "ops.note.add");
        add.addClickListener(e -> {
            try {
                notes.add(accountId, text.getValue(), forCustomer.getValue());
            } catch (InvalidRequestException refused) {
                text.setErrorMessage(refused.getLocalizedMessage());
                text.setInvalid(true);
                return;
            }
            text.clear();
            forCustomer.clear();
            banner.show(getTranslation("ops.note.added"), Banner.SUCCESS);
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
        content.add(Localized.text(new H3(), "ops.notes"), form, list);
    }

    /** On a phone one column, name · role, and the e-mail in the row's detail (DD-102). */
    private void compactMembers(Grid<OpsAccount.Member> grid) {
        var compact = grid.addColumn(LitRenderer.<OpsAccount.Member>of(
                        "<span class=\"compact-row\">${item.name} · ${item.role}</span>")
                .withProperty("name", OpsAccount.Member::displayName)
                .withProperty("role", OpsAccount.Member::role)).setFlexGrow(1);
        Localized.bind(grid, compact::setHeader, locale -> grid.getTranslation(locale, "ops.column.name") + " · "
                + grid.getTranslation(locale, "ops.column.role"));
        CompactRows.of(grid, compact).withDetails(LitRenderer.<OpsAccount.Member>of(
                        "<div class=\"detail-list row-detail\"><span class=\"term\">${item.emailTerm}</span>"
                        + "<span class=\"value\">${item.email}</span></div>")
                .withProperty("emailTerm", member -> getTranslation("ops.column.email"))
                .withProperty("email", member -> orDash(member.email())));
    }

    private <T> Grid<T> section(String headingKey, String id, List<T> rows, Consumer<Grid<T>> columns) {
        var grid = new Grid<T>();
        grid.setId(id);
        columns.accept(grid);
        grid.getColumns().forEach(column -> column.setAutoWidth(true));
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        grids.add(grid);
        var empty = Localized.text(new Span(), "ops.account.none");
        empty.setId(id + "-none");
        grid.setVisible(!rows.isEmpty());
        empty.setVisible(rows.isEmpty());
        content.add(Localized.text(new H3(), headingKey), grid, empty);
        return grid;
    }

    private static String orDash(@Nullable String text) {
        return text == null || text.isBlank() ? "\u2014" : text;
    }
}
