/**
 * The integration API under {@code /api/v1} (issue 17, DD-073, DD-074): JSON for the provider's own systems, with API
 * keys or OAuth2 client-credentials tokens, a stateless security chain of its own, RFC 9457 problems, cursor paging,
 * Idempotency-Key on every POST and PATCH, and a rate limit per client. It holds no business rules: each call goes to
 * the owning feature's service, which checks the client's scope ({@link dev.billfold.staff.StaffAccess}) and audits.
 */
@NullMarked
package dev.billfold.api;

import org.jspecify.annotations.NullMarked;
