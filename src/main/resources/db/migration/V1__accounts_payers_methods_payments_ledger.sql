-- One schema for H2 (MODE=PostgreSQL) and PostgreSQL: only types and syntax both understand.

create table app_user (
    id            uuid primary key,
    username      varchar(200) not null unique,
    display_name  varchar(200) not null,
    email         varchar(320),
    version       bigint       not null
);

create table account (
    id        uuid primary key,
    name      varchar(200) not null,
    currency  char(3)      not null,
    country   char(2),
    version   bigint       not null
);

create table account_member (
    account_id  uuid        not null references account (id),
    user_id     uuid        not null references app_user (id),
    role        varchar(20) not null,
    primary key (account_id, user_id)
);

create table payer (
    id             uuid primary key,
    account_id     uuid         not null references account (id),
    type           varchar(20)  not null,
    legal_name     varchar(200) not null,
    tax_id         varchar(50),
    address        varchar(500) not null,
    country        char(2)      not null,
    invoice_email  varchar(320) not null,
    is_default     boolean      not null,
    archived       boolean      not null,
    version        bigint       not null
);
create index payer_account on payer (account_id);

create table payment_method (
    id              uuid primary key,
    account_id      uuid         not null references account (id),
    payer_id        uuid         not null references payer (id),
    provider        varchar(20)  not null,
    provider_token  varchar(200) not null,
    label           varchar(200) not null,
    status          varchar(20)  not null,
    is_default      boolean      not null,
    expires_on      date,
    failure_reason  varchar(500),
    created_at      timestamp with time zone not null,
    checked_at      timestamp with time zone,
    version         bigint       not null,
    constraint payment_method_token unique (provider, provider_token)
);
create index payment_method_payer on payment_method (payer_id);

create table payment (
    id                  uuid primary key,
    account_id          uuid           not null references account (id),
    payer_id            uuid           not null references payer (id),
    amount_value        numeric(19, 4) not null,
    amount_currency     char(3)        not null,
    credited_value      numeric(19, 4),
    credited_currency   char(3),
    exchange_rate       numeric(19, 8),
    method_kind         varchar(20)    not null,
    provider            varchar(20),
    payment_method_id   uuid references payment_method (id),
    provider_reference  varchar(200),
    idempotency_key     varchar(100)   not null,
    save_method         boolean        not null,
    status              varchar(40)    not null,
    status_reason       varchar(500),
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    version             bigint         not null,
    constraint payment_idempotency_key unique (idempotency_key)
);
create index payment_account_created on payment (account_id, created_at);
create index payment_status on payment (status);

create sequence invoice_number_seq start with 1001;

create table invoice (
    payment_id              uuid primary key references payment (id),
    number                  varchar(40)   not null,
    recipient_name          varchar(200)  not null,
    recipient_bank_details  varchar(1000) not null,
    payer_name              varchar(200)  not null,
    payer_tax_id            varchar(50),
    payer_address           varchar(500)  not null,
    purpose                 varchar(500)  not null,
    issued_at               timestamp with time zone not null,
    due_at                  timestamp with time zone not null,
    constraint invoice_number unique (number)
);

-- Append-only. The unique cause is what makes every credit and charge happen at most once.
create table ledger_entry (
    id               uuid primary key,
    account_id       uuid           not null references account (id),
    amount_value     numeric(19, 4) not null,
    amount_currency  char(3)        not null,
    kind             varchar(20)    not null,
    reference        varchar(200)   not null,
    created_at       timestamp with time zone not null,
    constraint ledger_entry_cause unique (kind, reference)
);
create index ledger_entry_account on ledger_entry (account_id, created_at);

-- Cached sum of ledger_entry per account, written in the same transaction as each entry.
create table account_balance (
    account_id       uuid primary key references account (id),
    amount_value     numeric(19, 4) not null,
    amount_currency  char(3)        not null
);
