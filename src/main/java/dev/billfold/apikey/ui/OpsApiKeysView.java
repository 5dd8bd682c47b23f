package dev.billfold.apikey.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.billfold.apikey.ApiKeyDraft;
import dev.billfold.apikey.ApiKeyRow;
import dev.billfold.apikey.ApiKeys;
import dev.billfold.apikey.CreatedApiKey;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Banner;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.base.ui.NoAccountNeeded;
import dev.billfold.security.ApiScope;
import dev.billfold.staff.StaffRole;
import dev.billfold.staff.ui.OpsLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumSet;
import java.util.stream.Collectors;

/**
 * API keys for the provider's own systems (DD-073): an Admin names a key, picks its scopes and optionally the
 * addresses it may be used from, and sees the key once, right after creating it. The list shows the first characters
 * only, the last use, and a Revoke button that takes effect at the key's next request.
 */
@Route(value = OpsApiKeysView.ROUTE, layout = OpsLayout.class)
@PageTitle("API keys · Billfold back office")
@RolesAllowed(StaffRole.Names.ADMIN)
@NoAccountNeeded
public class OpsApiKeysView extends VerticalLayout implements BeforeEnterObserver {

    static final String ROUTE = "ops/api-keys";

    private final ApiKeys keys;
    private final LocalTimes times = LocalTimes.ofBrowser();
    private final Banner banner = new Banner("api-keys-banner", "ops-banner");
    private final TextField name = new TextField("Name");
    private final CheckboxGroup<ApiScope> scopes = new CheckboxGroup<>("Scopes");
    private final TextArea ipRanges = new TextArea("Allowed IP ranges (optional)");
    private final Div secretBox = new Div();
    private final TextField secret = new TextField("The new key");
    private final Grid<ApiKeyRow> grid = new Grid<>();

    OpsApiKeysView(ApiKeys keys) {
        this.keys = keys;
        addClassName("ops-api-keys-view");

        name.setId("api-key-name");
        name.setMaxLength(ApiKeys.NAME_MAX);
        name.setHelperText("Which system uses it, e.g. \u201cProvisioning\u201d or \u201cCRM sync\u201d.");
        scopes.setId("api-key-scopes");
        scopes.setItems(ApiScope.values());
        scopes.setItemLabelGenerator(OpsApiKeysView::label);
        scopes.setValue(EnumSet.of(ApiScope.READ));
        ipRanges.setId("api-key-ip-ranges");
        ipRanges.setHelperText("CIDR ranges or addresses, e.g. 203.0.113.0/24; empty: any address.");
        var create = new Button("Create key", e -> create());
        create.setId("api-key-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new VerticalLayout(new H3("New key"), name, scopes, ipRanges, create);
        form.setPadding(false);
        form.addClassName("api-key-form");

        secretBox.setId("api-key-secret-box");
        secretBox.addClassName("api-key-secret-box");
        secret.setId("api-key-secret");
        secret.setReadOnly(true);
        secret.setWidthFull();
        var once = new Paragraph("Copy the key now: it is shown only this once and is kept only as a hash. "
                + "Lost keys cannot be shown again; revoke and create a new one.");
        once.setId("api-key-secret-note");
        var done = new Button("I have copied it", e -> secretBox.setVisible(false));
        done.setId("api-key-secret-done");
        secretBox.add(secret, once, done);
        secretBox.setVisible(false);

        grid.setId("api-keys-grid");
        grid.setWidthFull();
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(ApiKeyRow::name).setHeader("Name").setFlexGrow(1);
        grid.addColumn(row -> row.hint() + "\u2026").setHeader("Key").setWidth("11rem").setFlexGrow(0);
        grid.addColumn(row -> row.scopes().stream().map(ApiScope::value).collect(Collectors.joining(", ")))
                .setHeader("Scopes").setFlexGrow(1);
        grid.addColumn(row -> row.ipRanges().isEmpty() ? "Any" : String.join(", ", row.ipRanges()))
                .setHeader("IP ranges").setFlexGrow(1);
        grid.addColumn(row -> times.format(row.createdAt()) + " by " + row.createdBy()).setHeader("Created")
                .setFlexGrow(1);
        grid.addColumn(row -> row.lastUsedAt() == null ? "Never" : times.format(row.lastUsedAt()))
                .setHeader("Last used").setKey("last-used").setWidth("9rem").setFlexGrow(0);
        grid.addComponentColumn(this::status).setHeader("").setKey("status").setWidth("9rem").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        grid.setAllRowsVisible(true);

        add(new H2("API keys"), banner, secretBox, form, new H3("Keys"), grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        banner.hide();
        secretBox.setVisible(false);
        refresh();
    }

    private void create() {
        name.setInvalid(false);
        ipRanges.setInvalid(false);
        scopes.setInvalid(false);
        try {
            CreatedApiKey created = keys.create(new ApiKeyDraft(name.getValue(), scopes.getValue(),
                    ipRanges.getValue()));
            secret.setValue(created.secret());
            secretBox.setVisible(true);
            banner.show("Created the key \u201c%s\u201d.".formatted(created.key().name()), Banner.SUCCESS);
            name.clear();
            ipRanges.clear();
            scopes.setValue(EnumSet.of(ApiScope.READ));
            refresh();
        } catch (InvalidRequestException refused) {
            switch (refused.field()) {
                case "name" -> invalid(name, refused);
                case "ipRanges" -> invalid(ipRanges, refused);
                case "scopes" -> {
                    scopes.setErrorMessage(refused.getMessage());
                    scopes.setInvalid(true);
                }
                default -> banner.show(refused.getMessage(), Banner.ERROR);
            }
        }
    }

    private void invalid(TextField field, InvalidRequestException refused) {
        field.setErrorMessage(refused.getMessage());
        field.setInvalid(true);
    }

    private void invalid(TextArea field, InvalidRequestException refused) {
        field.setErrorMessage(refused.getMessage());
        field.setInvalid(true);
    }

    private Div status(ApiKeyRow row) {
        var cell = new Div();
        cell.addClassName("api-key-status");
        if (row.revoked()) {
            var revoked = new Span("Revoked " + times.format(row.revokedAt()));
            revoked.addClassName("api-key-revoked");
            cell.add(revoked);
            return cell;
        }
        var revoke = new Button("Revoke", e -> confirmRevoke(row));
        revoke.addClassName("api-key-revoke");
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        cell.add(revoke);
        return cell;
    }

    private void confirmRevoke(ApiKeyRow row) {
        var dialog = new ConfirmDialog();
        dialog.setId("confirm-revoke");
        dialog.setHeader("Revoke \u201c%s\u201d?".formatted(row.name()));
        dialog.setText("Its next request is refused. This cannot be undone: the system that uses it needs a new key.");
        dialog.setCancelable(true);
        dialog.setConfirmText("Revoke");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> {
            try {
                keys.revoke(row.id());
                banner.show("Revoked the key \u201c%s\u201d.".formatted(row.name()), Banner.SUCCESS);
            } catch (InvalidRequestException refused) {
                banner.show(refused.getMessage(), Banner.ERROR);
            }
            refresh();
        });
        dialog.open();
    }

    private void refresh() {
        grid.setItems(query -> keys.keys(query.getOffset(), query.getLimit()).stream(), query -> keys.count());
    }

    private static String label(ApiScope scope) {
        return switch (scope) {
            case READ -> "read: accounts, members, payments, ledger";
            case WRITE_ACCOUNTS -> "accounts:write: create accounts, link members";
            case WRITE_SERVICES -> "services:write: hosted services";
            case WRITE_BALANCE -> "balance:write: adjustments";
        };
    }
}
