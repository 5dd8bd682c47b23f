package dev.billfold.fxrate;

import java.util.List;

/**
 * Where rates come from. Every bean of this type is fetched on the schedule ({@code billfold.fx-rates.fetch-cron});
 * a fetch that throws, or returns rates that fail validation, changes nothing, and the rates fetched before stay.
 */
public interface RateSource {

    /** Short and stable: it is stored with every rate and shown with every quote ("ECB", "csv"). */
    String name();

    /** The source's current rates, all of them or none: throw when the feed cannot be read whole. */
    List<PublishedRate> fetch();
}
