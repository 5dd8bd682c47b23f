package dev.billfold.webhook;

import java.util.List;

/** What a staff Admin enters for a new endpoint; checked by {@link WebhookEndpoints#create}. */
public record EndpointDraft(String url, String description, List<EventType> types) {

    public EndpointDraft {
        types = List.copyOf(types);
    }
}
