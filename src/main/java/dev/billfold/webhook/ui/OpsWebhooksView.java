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
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.ui.Banner;
import dev.billfold.base.ui.LocalTimes;
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
@PageTitle("Webhooks · Billfold back office")
@RolesAllowed(StaffRole.Names.ADMIN)
@NoAccountNeeded
public class OpsWebhooksView extends VerticalLayout implements BeforeEnterObserver {

    static final String ROUTE = "ops/webhooks";
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final WebhookEndpoints webhooks;
    private final LocalTimes times = LocalTimes.ofBrowser();
    private final Banner banner = new Banner("webhooks-banner", "ops-banner");
    private final Div secretBox = new Div();
    private final TextField url = new TextField("URL");
    private final TextField description = new TextField("Description");
    private final CheckboxGroup<EventType> types = new CheckboxGroup<>("Event types");
    private final Grid<EndpointSummary> endpoints = new Grid<>();
    private final Div log = new Div();
    private @Nullable WebhookEndpointId chosen;

    OpsWebhooksView(WebhookEndpoints webhooks) {
        this.webhooks = webhooks;
        addClassName("ops-webhooks-view");
        add(new H2("Webhooks"), banner, secretBox);
        secretBox.setId("webhook-secret-box");
        secretBox.setVisible(false);

        url.setId("webhook-url");
        url.setPlaceholder("https://provisioning.example.com/billfold");
        url.setWidth("32em");
        description.setId("webhook-description");
        description.setMaxLength(200);
        types.setId("webhook-types");
        types.setItems(EventType.values());
        types.setItemLabelGenerator(EventType::wireName);
        types.setValue(EnumSet.allOf(EventType.class));
        Button create = new Button("Register endpoint", e -> create());
        create.setId("webhook-create");
        add(new H3("New endpoint"), new HorizontalLayout(url, description), types, create);

        endpoints.setId("webhook-endpoints");
        endpoints.addColumn(EndpointSummary::url).setHeader("URL").setAutoWidth(true);
        endpoints.addColumn(EndpointSummary::description).setHeader("Description").setAutoWidth(true);
        endpoints.addColumn(endpoint -> endpoint.types().size() == EventType.values().length ? "all"
                        : endpoint.types().stream().map(EventType::wireName).collect(Collectors.joining(", ")))
                .setHeader("Events");
        endpoints.addColumn(this::state).setHeader("State").setAutoWidth(true);
        endpoints.addComponentColumn(this::actions).setKey("actions").setHeader("").setAutoWidth(true);
        add(new H3("Endpoints"), endpoints);

        log.setId("webhook-log");
        log.setWidthFull();
        add(log);
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
            showSecret(made, "Endpoint registered.");
            chosen = made.endpointId();
            refresh();
        } catch (InvalidRequestException bad) {
            banner.show(bad.getMessage(), Banner.ERROR);
        }
    }

    private void showSecret(NewSecret made, String what) {
        banner.show(what + " Copy its signing secret now: it is not shown again.", Banner.SUCCESS);
        secretBox.removeAll();
        var secret = new TextField("Signing secret");
        secret.setId("webhook-secret");
        secret.setValue(made.secret());
        secret.setReadOnly(true);
        secret.setWidth("40em");
        secretBox.add(secret);
        secretBox.setVisible(true);
    }

    private HorizontalLayout actions(EndpointSummary endpoint) {
        String key = endpoint.id().value().toString();
        Button open = new Button("Deliveries", e -> getUI().ifPresent(ui -> ui.navigate(ROUTE,
                QueryParameters.of("endpoint", key))));
        open.setId("webhook-open-" + key);
        Button rotate = new Button("Rotate secret", e -> {
            try {
                showSecret(webhooks.rotateSecret(endpoint.id()), "Secret rotated; the old one signs too for a while.");
                refresh();
            } catch (InvalidRequestException bad) {
                banner.show(bad.getMessage(), Banner.ERROR);
            }
        });
        rotate.setId("webhook-rotate-" + key);
        Button toggle = new Button(endpoint.enabled() ? "Switch off" : "Switch on", e -> {
            webhooks.setEnabled(endpoint.id(), !endpoint.enabled());
            banner.show(endpoint.enabled() ? "Endpoint switched off." : "Endpoint switched on.", Banner.SUCCESS);
            refresh();
        });
        toggle.setId("webhook-toggle-" + key);
        return new HorizontalLayout(open, rotate, toggle);
    }

    private String state(EndpointSummary endpoint) {
        if (!endpoint.enabled()) {
            return "Off" + (endpoint.disabledReason() == null ? "" : ": " + endpoint.disabledReason());
        }
        return endpoint.previousSecretUntil() == null ? "On"
                : "On; old secret signs too until " + times.format(endpoint.previousSecretUntil());
    }

    private void refresh() {
        List<EndpointSummary> all = webhooks.endpoints();
        endpoints.setItems(all);
        log.removeAll();
        Optional<EndpointSummary> endpoint = all.stream().filter(e -> e.id().equals(chosen)).findFirst();
        if (chosen != null && endpoint.isEmpty()) {
            banner.show("We could not find that webhook endpoint.", Banner.ERROR);
        }
        endpoint.ifPresent(this::showLog);
    }

    private void showLog(EndpointSummary endpoint) {
        log.add(new H3("Deliveries to " + endpoint.url()));
        TextField since = new TextField("Replay everything since (" + times.label() + ")");
        since.setId("webhook-replay-since");
        since.setPlaceholder("2026-12-01 14:00");
        Button replaySince = new Button("Replay", e -> replaySince(endpoint, since.getValue()));
        replaySince.setId("webhook-replay-since-button");
        log.add(new HorizontalLayout(since, replaySince));
        if (webhooks.countDeliveries(endpoint.id()) == 0) {
            var none = new Paragraph("No deliveries yet.");
            none.setId("webhook-log-none");
            log.add(none);
            return;
        }
        var grid = new Grid<DeliveryLogRow>();
        grid.setId("webhook-deliveries");
        grid.addColumn(row -> times.format(row.createdAt())).setHeader("Recorded (" + times.label() + ")");
        grid.addColumn(row -> row.type().wireName()).setHeader("Event");
        grid.addColumn(DeliveryLogRow::sequence).setHeader("Seq.");
        grid.addColumn(row -> row.eventId().toString()).setHeader("webhook-id");
        grid.addColumn(row -> row.status().name().toLowerCase(Locale.ROOT)).setHeader("Status");
        grid.addColumn(DeliveryLogRow::attempts).setHeader("Attempts");
        grid.addColumn(row -> row.lastStatus() == null ? "\u2014" : row.lastStatus().toString()).setHeader("HTTP");
        grid.addColumn(row -> row.latencyMs() == null ? "\u2014" : row.latencyMs() + " ms").setHeader("Latency");
        grid.addColumn(row -> row.nextAttemptAt() == null || row.status().name().equals("DELIVERED") ? "\u2014"
                : times.format(row.nextAttemptAt())).setHeader("Next attempt");
        grid.addColumn(row -> row.lastError() == null ? "" : row.lastError()).setHeader("Last error");
        grid.addComponentColumn(row -> {
            Button replay = new Button("Replay", e -> {
                try {
                    webhooks.replay(row.id());
                    banner.show("Delivery queued again.", Banner.SUCCESS);
                    refresh();
                } catch (InvalidRequestException bad) {
                    banner.show(bad.getMessage(), Banner.ERROR);
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
            banner.show("Enter the time as 2026-12-01 14:00.", Banner.ERROR);
            return;
        }
        try {
            int replayed = webhooks.replaySince(endpoint.id(), since);
            banner.show(replayed == 1 ? "1 delivery queued again." : replayed + " deliveries queued again.",
                    Banner.SUCCESS);
            refresh();
        } catch (InvalidRequestException bad) {
            banner.show(bad.getMessage(), Banner.ERROR);
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
