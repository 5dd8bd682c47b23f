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
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.billfold.apikey.ApiKeyDraft;
import dev.billfold.apikey.ApiKeyRow;
import dev.billfold.apikey.ApiKeys;
import dev.billfold.apikey.CreatedApiKey;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Banner;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.base.ui.Localized;
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
@RolesAllowed(StaffRole.Names.ADMIN)
@NoAccountNeeded
public class OpsApiKeysView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle,
        LocaleChangeObserver {

    static final String ROUTE = "ops/api-keys";

    private final ApiKeys keys;
    private final LocalTimes times = LocalTimes.ofBrowser();
    private final Banner banner = new Banner("api-keys-banner", "ops-banner");
    private final TextField name = new TextField();
    private final CheckboxGroup<ApiScope> scopes = new CheckboxGroup<>();
    private final TextArea ipRanges = new TextArea();
    private final Div secretBox = new Div();
    private final TextField secret = new TextField();
    private final Grid<ApiKeyRow> grid = new Grid<>();

    OpsApiKeysView(ApiKeys keys) {
        this.keys = keys;
        addClassName("ops-api-keys-view");

        name.setId("api-key-name");
        name.setMaxLength(ApiKeys.NAME_MAX);
        Localized.bind(name, name::setLabel, "apikey.name");
        Localized.bind(name, name::setHelperText, "apikey.name.helper");
        Localized.bind(scopes, scopes::setLabel, "apikey.scopes");
        Localized.bind(ipRanges, ipRanges::setLabel, "apikey.ip-ranges");
        Localized.bind(secret, secret::setLabel, "apikey.secret");
        scopes.setId("api-key-scopes");
        scopes.setItems(ApiScope.values());
        scopes.setItemLabelGenerator(scope -> getTranslation("apikey.scope." + scope.name()));
        scopes.setValue(EnumSet.of(ApiScope.READ));
        ipRanges.setId("api-key-ip-ranges");
        Localized.bind(ipRanges, ipRanges::setHelperText, "apikey.ip-ranges.helper");
        var create = Localized.text(new Button("", e -> create()), "apikey.create");
        create.setId("api-key-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new VerticalLayout(Localized.text(new H3(), "apikey.new-key"), name, scopes, ipRanges, create);
        form.setPadding(false);
        form.addClassName("api-key-form");

        secretBox.setId("api-key-secret-box");
        secretBox.addClassName("api-key-secret-box");
        secret.setId("api-key-secret");
        secret.setReadOnly(true);
        secret.setWidthFull();
        var once = Localized.text(new Paragraph(), "apikey.secret.once");
        once.setId("api-key-secret-note");
        var done = Localized.text(new Button("", e -> secretBox.setVisible(false)), "apikey.secret.done");
        done.setId("api-key-secret-done");
        secretBox.add(secret, once, done);
        secretBox.setVisible(false);

        grid.setId("api-keys-grid");
        grid.setWidthFull();
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        header(grid.addColumn(ApiKeyRow::name), "apikey.column.name").setFlexGrow(1);
        header(grid.addColumn(row -> row.hint() + "\u2026"), "apikey.column.key").setWidth("11rem").setFlexGrow(0);
        header(grid.addColumn(row -> row.scopes().stream().map(ApiScope::value).collect(Collectors.joining(", "))),
                "apikey.column.scopes").setFlexGrow(1);
        header(grid.addColumn(row -> row.ipRanges().isEmpty() ? getTranslation("apikey.any-address")
                : String.join(", ", row.ipRanges())), "apikey.column.ip-ranges").setFlexGrow(1);
        header(grid.addColumn(row -> getTranslation("apikey.created-by", times.format(row.createdAt()),
                row.createdBy())), "apikey.column.created").setFlexGrow(1);
        header(grid.addColumn(row -> row.lastUsedAt() == null ? getTranslation("apikey.never")
                : times.format(row.lastUsedAt())), "apikey.column.last-used").setKey("last-used").setWidth("9rem")
                .setFlexGrow(0);
        grid.addComponentColumn(this::status).setHeader("").setKey("status").setWidth("9rem").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        grid.setAllRowsVisible(true);

        add(Localized.text(new H2(), "apikey.title"), banner, secretBox, form, Localized.text(new H3(), "apikey.keys"),
                grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("apikey.page-title");
    }

    /** The scopes' names and the rows are rendered again; what is typed and ticked stays. */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        var ticked = scopes.getValue();
        scopes.getDataProvider().refreshAll();
        scopes.setValue(ticked);
        grid.getDataProvider().refreshAll();
    }

    private static Grid.Column<ApiKeyRow> header(Grid.Column<ApiKeyRow> column, String key) {
        return Localized.bind(column, column::setHeader, key);
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
            banner.show(getTranslation("apikey.created", created.key().name()), Banner.SUCCESS);
            name.clear();
            ipRanges.clear();
            scopes.setValue(EnumSet.of(ApiScope.READ));
            refresh();
        } catch (InvalidRequestException refused) {
            switch (refused.field()) {
                case "name" -> invalid(name, refused);
                case "ipRanges" -> invalid(ipRanges, refused);
                case "scopes" -> {
                    scopes.setErrorMessage(refused.getLocalizedMessage());
                    scopes.setInvalid(true);
                }
                default -> banner.show(refused.getLocalizedMessage(), Banner.ERROR);
            }
        }
    }

    private void invalid(TextField field, InvalidRequestException refused) {
        field.setErrorMessage(refused.getLocalizedMessage());
        field.setInvalid(true);
    }

    private void invalid(TextArea field, InvalidRequestException refused) {
        field.setErrorMessage(refused.getLocalizedMessage());
        field.setInvalid(true);
    }

    private Div status(ApiKeyRow row) {
        var cell = new Div();
        cell.addClassName("api-key-status");
        if (row.revoked()) {
            var revoked = new Span(getTranslation("apikey.revoked-at", times.format(row.revokedAt())));
            revoked.addClassName("api-key-revoked");
            cell.add(revoked);
            return cell;
        }
        var revoke = new Button(getTranslation("apikey.revoke"), e -> confirmRevoke(row));
        revoke.addClassName("api-key-revoke");
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        cell.add(revoke);
        return cell;
    }

    private void confirmRevoke(ApiKeyRow row) {
        var dialog = new ConfirmDialog();
        dialog.setId("confirm-revoke");
        dialog.setHeader(getTranslation("apikey.revoke.title", row.name()));
        dialog.setText(getTranslation("apikey.revoke.text"));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("apikey.revoke.cancel"));
        dialog.setConfirmText(getTranslation("apikey.revoke"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> {
            try {
                keys.revoke(row.id());
                banner.show(getTranslation("apikey.revoked", row.name()), Banner.SUCCESS);
            } catch (InvalidRequestException refused) {
                banner.show(refused.getLocalizedMessage(), Banner.ERROR);
            }
            refresh();
        });
        dialog.open();
    }

    private void refresh() {
        grid.setItems(query -> keys.keys(query.getOffset(), query.getLimit()).stream(), query -> keys.count());
    }
}
