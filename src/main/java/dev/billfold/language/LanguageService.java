package dev.billfold.language;

import dev.billfold.base.InternalCall;
import dev.billfold.security.CurrentUser;
import dev.billfold.security.UserId;
import dev.billfold.security.UserSignedIn;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's language: the one they chose in the header, else the one their OIDC provider's {@code locale} claim
 * named at their first sign-in. Without either, the browser's Accept-Language decides the page (Vaadin matches it
 * against {@link Translations#getProvidedLocales()}) and mails are English (DD-101).
 */
@Service
public class LanguageService {

    private final LanguageStore store;
    private final CurrentUser currentUser;
    private final Clock clock;

    LanguageService(LanguageStore store, CurrentUser currentUser, Clock clock) {
        this.store = store;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The signed-in user's stored language; empty when signed out or never chosen nor seeded. */
    @Transactional(readOnly = true)
    public Optional<Language> mine() {
        return currentUser.find().flatMap(user -> store.of(user.id()));
    }

    /**
     * Keeps the signed-in user's choice for their next visits and their mails. Signed out (the sign-in page), the
     * choice lives only in the browser session; returns whether it was stored.
     */
    @Transactional
    public boolean choose(Language language) {
        return currentUser.find().map(user -> {
            store.choose(user.id(), language, clock.instant());
            return true;
        }).orElse(false);
    }

    /** The language a user's mails are written in. */
    @InternalCall("mails are sent after a commit, by the outbox, with nobody signed in")
    @Transactional(readOnly = true)
    public Language forMailTo(UserId user) {
        return store.of(user).orElse(Language.EN);
    }

    /** The provider's claim names a first language; a choice or an earlier seed stands. */
    @EventListener
    void seedFromClaim(UserSignedIn signedIn) {
        Language.fromTag(signedIn.locale()).ifPresent(language -> store.seed(signedIn.userId(), language,
                clock.instant()));
    }
}
