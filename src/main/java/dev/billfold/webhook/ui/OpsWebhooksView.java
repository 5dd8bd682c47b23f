package dev.billfold.webhook.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Banner;
import dev.billfold.base.ui.LocalTimes;
import dev.billfold.base.ui.Localized;
import dev.billfold.base.ui.NoAccountNeeded;
import dev.billfold.staff.StaffRole;
import dev.billfold.staff.ui.OpsLayout;
import dev.billfold.webhook.DeliveryLogRow;
import dev.billfold.webhook.EndpointDraft;
import dev.billfold.webhook.EndpointSummary;
import dev.billfold.webhook.EventType;
import dev.billfold.webhook.NewSecret;
import dev.billfold.webhook.WebhookEndpointId;
import dev.billfold.webhook.WebhookEndpoints;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Webhook endpoints (Admin): register one (its secret is shown here once), rotate its secret, switch it off or on,
 * and read its delivery log, newest first and paged from the database, with a replay per delivery and of everything
 * since a time. The chosen endpoint is in the query string ({@code ?endpoint=<id>}), so a reload keeps it.
 */
@Route(value = OpsWebhooksView.ROUTE, layout = OpsLayout.class)
@RolesAllowed(StaffRole.Names.ADMIN)
@NoAccountNeeded
public class OpsWebhooksView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle,
        LocaleChangeObserver {

    static final String ROUTE = "ops/webhooks";
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    /** Examples of what to type, the same in every language. */
    private static final String URL_EXAMPLE = "https://provisioning.example.com/billfold";
    private static final String SINCE_EXAMPLE = "2026-12-01 14:00";

    /** The language the data-driven texts were last rendered in; attaching calls localeChange too. */
    private @Nullable Locale renderedIn;
    private final WebhookEndpoints webhooks;
    private final LocalTimes times = LocalTimes.ofBrowser();
    private final Banner banner = new Banner("webhooks-banner", "ops-banner");
    private final Div secretBox = new Div();
    private final TextField url = new TextField();
    private final TextField description = new TextField();
    private final CheckboxGroup<EventType> types = new CheckboxGroup<>();
    private final Grid<EndpointSummary> endpoints = new Grid<>();
    private final Div log = new Div();
    private @Nullable WebhookEndpointId chosen;

    OpsWebhooksView(WebhookEndpoints webhooks) {
        this.webhooks = webhooks;
        addClassName("ops-webhooks-view");
        add(Localized.text(new H2(), "webhook.title"), banner, secretBox);
        secretBox.setId("webhook-secret-box");
        secretBox.setVisible(false);

        url.setId("webhook-url");
        Localized.bind(url, url::setLabel, "webhook.url");
        url.setPlaceholder(URL_EXAMPLE);
        url.setWidth("32em");
        description.setId("webhook-description");
        description.setMaxLength(200);
        Localized.bind(description, description::setLabel, "webhook.description");
        Localized.bind(types, types::setLabel, "webhook.event-types");
        types.setId("webhook-types");
        types.setItems(EventType.values());
        types.setItemLabelGenerator(EventType::wireName);
        types.setValue(EnumSet.allOf(EventType.class));
        Button create = Localized.text(new Button("", e -> create()), "webhook.create");
        create.setId("webhook-create");
        add(Localized.text(new H3(), "webhook.new-endpoint"), new HorizontalLayout(url, description), types, create);

        endpoints.setId("webhook-endpoints");
        header(endpoints.addColumn(EndpointSummary::url), "webhook.column.url").setAutoWidth(true);
        header(endpoints.addColumn(EndpointSummary::description), "webhook.column.description").setAutoWidth(true);
        header(endpoints.addColumn(endpoint -> endpoint.types().size() == EventType.values().length
                ? getTranslation("webhook.all-events")
                : endpoint.types().stream().map(EventType::wireName).collect(Collectors.joining(", "))),
                "webhook.column.events");
        header(endpoints.addColumn(this::state), "webhook.column.state").setAutoWidth(true);
        endpoints.addComponentColumn(this::actions).setKey("actions").setHeader("").setAutoWidth(true);
        add(Localized.text(new H3(), "webhook.endpoints"), endpoints);

        log.setId("webhook-log");
        log.setWidthFull();
        add(log);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("webhook.page-title");
    }

    /** The endpoints and the delivery log are rendered again in the new language. */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        if (event.getLocale().equals(renderedIn)) {
            return;
        }
        refresh();
    }

    private static <T> Grid.Column<T> header(Grid.Column<T> column, String key, Object... params) {
        return Localized.bind(column, column::setHeader, key, params);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // A secret is shown after the action that made it, never again on a later visit.
        secretBox.removeAll();
        secretBox.setVisible(false);
        chosen = event.getLocation().getQueryParameters().getSingleParameter("endpoint").flatMap(OpsWebhooksView::id)
                .orElse(null);
        refresh();
    }

    private void create() {
        try {
            NewSecret made = webhooks.create(new EndpointDraft(url.getValue(), description.getValue(),
                    List.copyOf(types.getValue())));
            url.clear();
            description.clear();
            showSecret(made, getTranslation("webhook.registered"));
            chosen = made.endpointId();
            refresh();
        } catch (InvalidRequestException bad) {
            banner.show(bad.getLocalizedMessage(), Banner.ERROR);
        }
    }

    private void showSecret(NewSecret made, String what) {
        banner.show(what + " " + getTranslation("webhook.secret.copy-now"), Banner.SUCCESS);
        secretBox.removeAll();
        var secret = new TextField(getTranslation("webhook.secret"));
        secret.setId("webhook-secret");
        secret.setValue(made.secret());
        secret.setReadOnly(true);
        secret.setWidth("40em");
        secretBox.add(secret);
        secretBox.setVisible(true);
    }

    private HorizontalLayout actions(EndpointSummary endpoint) {
        String key = endpoint.id().value().toString();
        Button open = new Button(getTranslation("webhook.deliveries"), e -> getUI().ifPresent(ui -> ui.navigate(ROUTE,
                QueryParameters.of("endpoint", key))));
        open.setId("webhook-open-" + key);
        Button rotate = new Button(getTranslation("webhook.rotate"), e -> {
            try {
                showSecret(webhooks.rotateSecret(endpoint.id()), getTranslation("webhook.rotated"));
                refresh();
            } catch (InvalidRequestException bad) {
                banner.show(bad.getLocalizedMessage(), Banner.ERROR);
            }
        });
        rotate.setId("webhook-rotate-" + key);
        String toggleKey = endpoint.enabled() ? "webhook.switch-off" : "webhook.switch-on";
        Button toggle = new Button(getTranslation(toggleKey), e -> {
            webhooks.setEnabled(endpoint.id(), !endpoint.enabled());
            banner.show(getTranslation(endpoint.enabled() ? "webhook.switched-off" : "webhook.switched-on"),
                    Banner.SUCCESS);
            refresh();
        });
        toggle.setId("webhook-toggle-" + key);
        return new HorizontalLayout(open, rotate, toggle);
    }

    private String state(EndpointSummary endpoint) {
        if (!endpoint.enabled()) {
            return endpoint.disabledReason() == null ? getTranslation("webhook.state.off")
                    : getTranslation("webhook.state.off-because", endpoint.disabledReason());
        }
        return endpoint.previousSecretUntil() == null ? getTranslation("webhook.state.on")
                : getTranslation("webhook.state.on-overlap", times.format(endpoint.previousSecretUntil()));
    }

    private void refresh() {
        renderedIn = Localized.localeOf(this);
        List<EndpointSummary> all = webhooks.endpoints();
        endpoints.setItems(all);
        log.removeAll();
        Optional<EndpointSummary> endpoint = all.stream().filter(e -> e.id().equals(chosen)).findFirst();
        if (chosen != null && endpoint.isEmpty()) {
            banner.show(getTranslation("webhook.not-found"), Banner.ERROR);
        }
        endpoint.ifPresent(this::showLog);
    }

    private void showLog(EndpointSummary endpoint) {
        log.add(new H3(getTranslation("webhook.deliveries-to", endpoint.url())));
        TextField since = new TextField(getTranslation("webhook.replay-since", times.label()));
        since.setId("webhook-replay-since");
        since.setPlaceholder(SINCE_EXAMPLE);
        Button replaySince = new Button(getTranslation("webhook.replay"), e -> replaySince(endpoint, since.getValue()));
        replaySince.setId("webhook-replay-since-button");
        log.add(new HorizontalLayout(since, replaySince));
        if (webhooks.countDeliveries(endpoint.id()) == 0) {
            var none = new Paragraph(getTranslation("webhook.no-deliveries"));
            none.setId("webhook-log-none");
            log.add(none);
            return;
        }
        var grid = new Grid<DeliveryLogRow>();
        grid.setId("webhook-deliveries");
        header(grid.addColumn(row -> times.format(row.createdAt())), "webhook.column.recorded", times.label());
        header(grid.addColumn(row -> row.type().wireName()), "webhook.column.event");
        header(grid.addColumn(DeliveryLogRow::sequence), "webhook.column.sequence");
        header(grid.addColumn(row -> row.eventId().toString()), "webhook.column.webhook-id");
        header(grid.addColumn(row -> getTranslation("webhook.delivery-status." + row.status().name())),
                "webhook.column.status");
        header(grid.addColumn(DeliveryLogRow::attempts), "webhook.column.attempts");
        header(grid.addColumn(row -> row.lastStatus() == null ? "\u2014" : row.lastStatus().toString()),
                "webhook.column.http");
        header(grid.addColumn(row -> row.latencyMs() == null ? "\u2014"
                : getTranslation("webhook.latency-ms", row.latencyMs())), "webhook.column.latency");
        header(grid.addColumn(row -> row.nextAttemptAt() == null || row.status().name().equals("DELIVERED") ? "\u2014"
                : times.format(row.nextAttemptAt())), "webhook.column.next-attempt");
        header(grid.addColumn(row -> row.lastError() == null ? "" : row.lastError()), "webhook.column.last-error");
        grid.addComponentColumn(row -> {
            Button replay = new Button(getTranslation("webhook.replay"), e -> {
                try {
                    webhooks.replay(row.id());
                    banner.show(getTranslation("webhook.replayed"), Banner.SUCCESS);
                    refresh();
                } catch (InvalidRequestException bad) {
                    banner.show(bad.getLocalizedMessage(), Banner.ERROR);
                }
            });
            replay.setId("webhook-replay-" + row.id().value());
            return replay;
        }).setKey("replay");
        grid.getColumns().forEach(column -> column.setAutoWidth(true));
        grid.setItems(query -> webhooks.deliveries(endpoint.id(), query.getOffset(), query.getLimit()).stream());
        log.add(grid);
    }

    private void replaySince(EndpointSummary endpoint, String text) {
        Instant since;
        try {
            since = LocalDateTime.parse(text.strip(), SINCE).atZone(times.zone()).toInstant();
        } catch (DateTimeParseException bad) {
            banner.show(getTranslation("webhook.replay-since.format", SINCE_EXAMPLE), Banner.ERROR);
            return;
        }
        try {
            int replayed = webhooks.replaySince(endpoint.id(), since);
            banner.show(getTranslation("webhook.replayed-since", replayed), Banner.SUCCESS);
            refresh();
        } catch (InvalidRequestException bad) {
            banner.show(bad.getLocalizedMessage(), Banner.ERROR);
        }
    }

    private static Optional<WebhookEndpointId> id(String text) {
        try {
            return Optional.of(new WebhookEndpointId(UUID.fromString(text)));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
