-- The durable outbox (DD-066): Spring Modulith's JDBC event publication registry, in its v2 layout (the columns of
-- spring-modulith-events-jdbc's schemas/v2, one file for H2 and PostgreSQL; Modulith's own schema initialisation stays
-- off). Only @Outboxed listeners get rows here, and their events carry nothing but an id, so serialized_event stays
-- small enough for a plain index on both databases.
create table event_publication (
    id                     uuid not null primary key,
    listener_id            varchar(512) not null,
    event_type             varchar(512) not null,
    serialized_event       varchar(4000) not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_by_listener_and_event on event_publication (listener_id, serialized_event);
create index event_publication_by_completion_date on event_publication (completion_date);
create index event_publication_by_status on event_publication (status);

-- One row per mail Billfold owes a customer, keyed by its cause (the invoice issued, the receipt of a payment, one
-- resend request), written in the cause's own transaction. A sender claims the row (SENDING until claimed_until)
-- before it talks to the SMTP server and marks it SENT after, so two nodes never both send it.
create table mail_log (
    id            uuid not null primary key,
    cause         varchar(100) not null unique,
    kind          varchar(20) not null,
    account_id    uuid not null references account (id),
    payment_id    uuid not null references payment (id),
    recipient     varchar(320) not null,
    subject       varchar(200) not null,
    status        varchar(20) not null,
    attempts      int not null,
    claimed_until timestamp with time zone,
    last_error    varchar(500),
    requested_by  uuid references app_user (id),
    created_at    timestamp with time zone not null,
    sent_at       timestamp with time zone
);
create index mail_log_by_account on mail_log (account_id, created_at);
