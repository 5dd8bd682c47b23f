-- The integration API (issue 17, DD-073, DD-074).

-- API keys: created by a staff Admin, shown once, kept only as the SHA-256 of the whole key (a key is 256 random bits,
-- so a slow password hash would add nothing; DD-073). Each key acts through a user row of its own (user_id), which
-- "requested by" columns and the audit trail name.
create table api_key (
    id           uuid primary key,
    name         varchar(100) not null,
    -- What the list shows of the key: its prefix and first characters, e.g. 'bfk_live_Qx3v9a'.
    hint         varchar(24)  not null,
    secret_hash  char(64)     not null,
    -- Space-separated scope values: 'read accounts:write'.
    scopes       varchar(200) not null,
    -- Space-separated CIDR ranges the key may be used from; null: anywhere.
    ip_ranges    varchar(1000),
    user_id      uuid         not null references app_user (id),
    created_by   uuid         not null references app_user (id),
    created_at   timestamp with time zone not null,
    last_used_at timestamp with time zone,
    revoked_at   timestamp with time zone,
    revoked_by   uuid references app_user (id),
    version      bigint       not null,
    constraint api_key_secret unique (secret_hash),
    constraint api_key_name unique (name),
    constraint api_key_revoked_pair check ((revoked_at is null) = (revoked_by is null))
);

-- Idempotency-Key (DD-074): one row per client and key. A row without a status is a request in progress; with one,
-- the response to replay until expires_at, after which the purge deletes it.
create table api_idempotency (
    client          varchar(300) not null,
    idempotency_key varchar(255) not null,
    request_hash    char(64)     not null,
    status          integer,
    response_body   varchar(200000),
    location        varchar(500),
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    primary key (client, idempotency_key)
);
create index api_idempotency_expires on api_idempotency (expires_at);

-- The provider's own external id for an account (its CRM's or control panel's), unique and searchable.
alter table account add column external_id varchar(100);
alter table account add constraint account_external_id unique (external_id);

-- The audit trail's API actors are the audit module's own migration (audit.AuditApiActorMigration, 26.1): its table
-- is created by a Java migration (V18), which tests that run Flyway on the SQL files alone do not have.
