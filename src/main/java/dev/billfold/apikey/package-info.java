/**
 * API keys for the provider's own systems (issue 17, DD-073): created and revoked by a staff Admin in the back office,
 * shown once, kept as a SHA-256 hash, named, with scopes, optional IP ranges and the last use. The integration API
 * ({@code dev.billfold.api}) turns a presented key into an {@link dev.billfold.security.ApiClient} here.
 */
@NullMarked
package dev.billfold.apikey;

import org.jspecify.annotations.NullMarked;
