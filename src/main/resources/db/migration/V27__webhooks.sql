-- Signed webhooks out (DD-075, DD-076). Endpoints belong to the provider, not to an account: a staff Admin registers
-- them. The secret is kept as written to the endpoint (whsec_<base64>), because HMAC signing needs the key itself; a
-- rotated secret stays as previous_secret until previous_until, and both signatures are sent meanwhile.
create table webhook_endpoint (
    id             uuid primary key,
    url            varchar(2000) not null,
    description    varchar(200) not null,
    event_types    varchar(1000) not null,
    secret         varchar(100) not null,
    previous_secret varchar(100),
    previous_until timestamp with time zone,
    enabled        boolean not null,
    disabled_reason varchar(300),
    created_by     uuid not null references app_user (id),
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null
);

-- The last sequence number given to an account's events; its row lock orders one account's events in commit order.
create table webhook_sequence (
    account_id    uuid primary key references account (id),
    last_sequence bigint not null
);

-- One row per event another system cares about, keyed by its cause (a payment credited once, however often it is
-- settled). Its id is the webhook-id every delivery and retry of it carries. Written only when an endpoint listens.
create table webhook_event (
    id          uuid primary key,
    cause       varchar(200) not null unique,
    type        varchar(40) not null,
    account_id  uuid not null references account (id),
    sequence    bigint not null,
    payload     varchar(4000) not null,
    created_at  timestamp with time zone not null
);

-- One row per event and endpoint, written with the event in the change's transaction. PENDING rows are claimed by a
-- sender (SENDING until claimed_until; FOR UPDATE SKIP LOCKED so two nodes never take one attempt), then DELIVERED,
-- PENDING again with the next attempt's time, or FAILED for good.
create table webhook_delivery (
    id              uuid primary key,
    event_id        uuid not null references webhook_event (id),
    endpoint_id     uuid not null references webhook_endpoint (id),
    status          varchar(20) not null,
    attempts        int not null,
    -- failed attempts since the delivery was (re)started; it picks the next wait of the retry schedule
    schedule_step   int not null,
    next_attempt_at timestamp with time zone,
    claimed_until   timestamp with time zone,
    last_status     int,
    last_error      varchar(500),
    created_at      timestamp with time zone not null,
    delivered_at    timestamp with time zone,
    constraint webhook_delivery_once unique (event_id, endpoint_id)
);
create index webhook_delivery_due on webhook_delivery (status, next_attempt_at);
create index webhook_delivery_by_endpoint on webhook_delivery (endpoint_id, created_at);

-- Every attempt, for the staff's delivery log: when, how long, what the receiver answered (a short excerpt).
create table webhook_attempt (
    id          uuid primary key,
    delivery_id uuid not null references webhook_delivery (id),
    attempt     int not null,
    started_at  timestamp with time zone not null,
    latency_ms  int not null,
    status_code int,
    outcome     varchar(20) not null,
    error       varchar(500),
    response    varchar(1000)
);
create index webhook_attempt_by_delivery on webhook_attempt (delivery_id, attempt);

-- balance.low: an account's threshold, in its currency; the event fires when a posting takes the balance below it.
create table webhook_balance_threshold (
    account_id         uuid primary key references account (id),
    threshold_value    numeric(19, 4) not null,
    threshold_currency char(3) not null
);
