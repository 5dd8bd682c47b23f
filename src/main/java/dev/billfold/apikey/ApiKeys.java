package dev.billfold.apikey;

import dev.billfold.audit.AuditEvent;
import dev.billfold.audit.AuditTrail;
import dev.billfold.base.InvalidRequestException;
import dev.billfold.base.IpRanges;
import dev.billfold.base.NotFoundException;
import dev.billfold.security.ApiClientUsers;
import dev.billfold.security.ApiScope;
import dev.billfold.security.UserId;
import dev.billfold.staff.StaffAccess;
import dev.billfold.staff.StaffMember;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys in the back office: a staff Admin's ({@link StaffAccess.Action#STAFF_SETTINGS}), audited for staff only.
 * A key is {@code bfk_live_} or {@code bfk_test_} and 43 characters of 256 random bits; only its SHA-256 is kept
 * (DD-073).
 */
@Service
public class ApiKeys {

    public static final String LIVE_PREFIX = "bfk_live_";
    public static final String TEST_PREFIX = "bfk_test_";
    public static final int NAME_MAX = 100;
    /** The most rows one call returns. */
    public static final int PAGE_MAX = 200;
    /** Characters of the secret the list shows after the prefix: enough to tell keys apart, far too few to guess. */
    static final int HINT_CHARS = 6;

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StaffAccess staff;
    private final ApiKeyStore store;
    private final ApiClientUsers clients;
    private final AuditTrail audit;
    private final ApiKeyProperties properties;
    private final Clock clock;

    ApiKeys(StaffAccess staff, ApiKeyStore store, ApiClientUsers clients, AuditTrail audit,
            ApiKeyProperties properties, Clock clock) {
        this.staff = staff;
        this.store = store;
        this.clients = clients;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** Live keys first, newest first; at most {@link #PAGE_MAX} a call. */
    @Transactional(readOnly = true)
    public List<ApiKeyRow> keys(int offset, int limit) {
        staff.require(StaffAccess.Action.STAFF_SETTINGS, null);
        if (offset < 0 || limit < 0) {
            throw InvalidRequestException.keyed("page", "errors.page.none");
        }
        return store.rows(offset, Math.min(limit, PAGE_MAX));
    }

    @Transactional(readOnly = true)
    public int count() {
        staff.require(StaffAccess.Action.STAFF_SETTINGS, null);
        return store.count();
    }

    /** Creates a key and returns it with its secret, which is never available again. */
    @Transactional
    public CreatedApiKey create(ApiKeyDraft draft) {
        StaffMember me = staff.require(StaffAccess.Action.STAFF_SETTINGS, null);
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty()) {
            throw InvalidRequestException.keyed("name", "errors.apikey.name-empty");
        }
        if (name.length() > NAME_MAX) {
            throw InvalidRequestException.keyed("name", "errors.apikey.name-too-long", NAME_MAX);
        }
        if (draft.scopes().isEmpty()) {
            throw InvalidRequestException.keyed("scopes", "errors.apikey.no-scope");
        }
        IpRanges ranges = IpRanges.parse(draft.ipRanges());
        if (store.nameTaken(name)) {
            throw InvalidRequestException.keyed("name", "errors.apikey.name-taken");
        }
        ApiKeyId id = ApiKeyId.random();
        String secret = (properties.live() ? LIVE_PREFIX : TEST_PREFIX) + randomPart();
        UserId user = clients.userFor(id.client(), name);
        Instant now = clock.instant();
        String hint = secret.substring(0, LIVE_PREFIX.length() + HINT_CHARS);
        store.insert(id, name, hint, hash(secret), draft.scopes(), ranges.stored(), user, me.userId(), now);
        audit.record(AuditEvent.of("apikey.created", "Created the API key \u201c" + name + "\u201d")
                .subject(id).change(null, describe(draft.scopes(), ranges)).staffOnly());
        log.info("API key {} created: staff={} scopes={}", id.value(), me.userId().value(), draft.scopes());
        return new CreatedApiKey(store.row(id).orElseThrow(), secret);
    }

    /** Revokes a key at once: its next request is refused (401). */
    @Transactional
    public ApiKeyRow revoke(ApiKeyId id) {
        StaffMember me = staff.require(StaffAccess.Action.STAFF_SETTINGS, id);
        ApiKeyRow key = store.row(id).orElseThrow(() -> new NotFoundException("There is no such API key."));
        if (store.revoke(id, me.userId(), clock.instant()) != 1) {
            throw InvalidRequestException.keyed(null, "errors.apikey.revoked-already");
        }
        audit.record(AuditEvent.of("apikey.revoked", "Revoked the API key \u201c" + key.name() + "\u201d")
                .subject(id).change("Live", "Revoked").staffOnly());
        log.info("API key {} revoked: staff={}", id.value(), me.userId().value());
        return store.row(id).orElseThrow();
    }

    private static String describe(java.util.Set<ApiScope> scopes, IpRanges ranges) {
        String scopeText = "Scopes " + ApiKeyStore.scopes(scopes);
        return ranges.texts().isEmpty() ? scopeText + "; any address"
                : scopeText + "; from " + String.join(", ", ranges.texts());
    }

    /** 256 random bits, URL-safe base64 without padding: 43 characters. */
    private static String randomPart() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
