package dev.billfold.ratelimit;

/**
 * One key of one named limit: ("top-up-per-user", the user's id), ("sign-in-failure-per-client", an address).
 *
 * @param limit  the limit's name, as configured under billfold.rate-limits
 * @param key    whose uses are counted; any text, stored only as its hash
 */
public record RateKey(String limit, String key) {

    public RateKey {
        if (limit == null || limit.isBlank() || key == null) {
            throw new IllegalArgumentException("A rate key needs a limit name and a key");
        }
    }
}
