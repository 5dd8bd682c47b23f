package dev.billfold.language;

import dev.billfold.security.UserId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each user's language (user_language): one row per user, the choice made in the header or a seeded one. */
@Repository
class LanguageStore {

    private final JdbcClient jdbc;

    LanguageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Language> of(UserId user) {
        return jdbc.sql("select language from user_language where user_id = :user")
                .param("user", user.value())
                .query(String.class).optional()
                .flatMap(Language::fromTag);
    }

    /** The user's own choice, replacing any earlier one or a seeded one. */
    void choose(UserId user, Language language, Instant now) {
        if (!insert(user, language, true, now)) {
            jdbc.sql("update user_language set language = :language, chosen = true, updated_at = :now "
                            + "where user_id = :user")
                    .param("language", language.tag()).param("now", utc(now)).param("user", user.value())
                    .update();
        }
    }

    /** A first language from the provider's claim; never over a row that exists. */
    void seed(UserId user, Language language, Instant now) {
        insert(user, language, false, now);
    }

    private boolean insert(UserId user, Language language, boolean chosen, Instant now) {
        return jdbc.sql("insert into user_language (user_id, language, chosen, updated_at) "
                        + "values (:user, :language, :chosen, :now) on conflict do nothing")
                .param("user", user.value()).param("language", language.tag()).param("chosen", chosen)
                .param("now", utc(now))
                .update() == 1;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
