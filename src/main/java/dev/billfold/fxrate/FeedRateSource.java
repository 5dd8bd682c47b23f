package dev.billfold.fxrate;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

/** A source that reads one feed at an address and parses it whole. */
record FeedRateSource(String name, URI address, FeedReader reader, Function<String, List<PublishedRate>> parser)
        implements RateSource {

    @Override
    public List<PublishedRate> fetch() {
        return parser.apply(reader.read(address));
    }
}
