package dev.billfold.base;

import java.util.UUID;

/** An aggregate's id. Each aggregate has its own id type so that ids of different things cannot be mixed up. */
public interface TypedId {

    UUID value();
}
