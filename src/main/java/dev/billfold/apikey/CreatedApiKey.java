package dev.billfold.apikey;

/**
 * A key just created, with its secret: the only time it exists outside the caller's hands. It is shown once and kept
 * only as a hash.
 */
public record CreatedApiKey(ApiKeyRow key, String secret) {

    @Override
    public String toString() {
        return "CreatedApiKey[" + key.name() + ", " + key.hint() + "…]";
    }
}
