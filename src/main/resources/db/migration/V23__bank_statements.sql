-- Bank statements (DD-062, DD-063): each import with its summary, every entry of it with its result, and the claims
-- that make an entry count once across files: <statement account>:<bank reference>, inserted before anything is
-- decided about the entry, so a second import (or an overlapping statement) finds it claimed and reports a duplicate.
create table statement_import (
    id              uuid primary key,
    file_name       varchar(255)  not null,
    format          varchar(20)   not null,
    file_size       bigint        not null,
    status          varchar(20)   not null,
    imported_by     uuid          not null,
    imported_by_name varchar(200) not null,
    started_at      timestamp with time zone not null,
    finished_at     timestamp with time zone,
    entries         int not null,
    credited        int not null,
    held            int not null,
    unmatched       int not null,
    duplicates      int not null,
    ignored         int not null
);
create index statement_import_started on statement_import (started_at);

-- Totals per result and currency, added to batch by batch.
create table statement_import_total (
    import_id       uuid          not null references statement_import (id),
    outcome         varchar(20)   not null,
    currency        char(3)       not null,
    amount_value    numeric(19, 4) not null,
    entries         int           not null,
    primary key (import_id, outcome, currency)
);

create table statement_entry (
    id                  uuid primary key,
    import_id           uuid          not null references statement_import (id),
    position            int           not null,
    statement_account   varchar(70)   not null,
    bank_reference      varchar(70)   not null,
    amount_value        numeric(19, 4) not null,
    amount_currency     char(3)       not null,
    credit              boolean       not null,
    booked              boolean       not null,
    booking_date        date,
    debtor_name         varchar(140),
    debtor_tax_id       varchar(70),
    remittance          varchar(1000) not null,
    outcome             varchar(20)   not null,
    detail              varchar(500),
    payment_id          uuid,
    account_id          uuid,
    resolution          varchar(20),
    resolution_note     varchar(1000),
    returned_reference  varchar(140),
    resolved_by         uuid,
    resolved_by_name    varchar(200),
    resolved_at         timestamp with time zone,
    recorded_at         timestamp with time zone not null,
    version             int           not null
);
create index statement_entry_import on statement_entry (import_id, position);
-- The unmatched queue, oldest first.
create index statement_entry_queue on statement_entry (outcome, resolution, recorded_at);

create table statement_entry_claim (
    claim_key       varchar(141)  primary key,
    entry_id        uuid          not null,
    claimed_at      timestamp with time zone not null
);
