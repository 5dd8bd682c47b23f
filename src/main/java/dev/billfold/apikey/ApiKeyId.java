package dev.billfold.apikey;

import dev.billfold.base.TypedId;
import java.util.Objects;
import java.util.UUID;

public record ApiKeyId(UUID value) implements TypedId {

    public ApiKeyId {
        Objects.requireNonNull(value);
    }

    public static ApiKeyId random() {
        return new ApiKeyId(UUID.randomUUID());
    }

    /** The client id an API key's requests carry ({@link dev.billfold.security.ApiClient#client()}). */
    String client() {
        return "key:" + value;
    }
}
