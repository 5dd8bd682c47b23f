package dev.billfold.security;

import org.jspecify.annotations.Nullable;

/**
 * Published after a user signed in through an OIDC provider and was matched or created, inside that transaction.
 * Features that act on a sign-in (linking an invited email to an account) listen to it; a listener that must not
 * hold up or fail the sign-in uses {@code @TransactionalEventListener} instead of {@code @EventListener}.
 *
 * @param email         as the provider gave it, if any
 * @param emailVerified whether the provider says it verified that email ({@code email_verified}); only a verified
 *                      email may be trusted to prove who someone is
 * @param locale        the provider's {@code locale} claim ("ru-RU"), if any: it seeds the user's first language
 */
public record UserSignedIn(UserId userId, @Nullable String email, boolean emailVerified, @Nullable String locale) {
}
