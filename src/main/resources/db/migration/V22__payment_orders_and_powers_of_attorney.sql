-- Documents customers send in for review (DD-068). The bytes live in their own table, so that queues and lists never
-- read them; a file is at most 10 MB, checked by content before it is stored.
create table document_file (
    id            uuid primary key,
    account_id    uuid         not null references account (id),
    file_name     varchar(200) not null,
    content_type  varchar(50)  not null,
    size_bytes    integer      not null,
    content       bytea        not null,
    uploaded_by   uuid         not null references app_user (id),
    uploaded_at   timestamp with time zone not null
);
create index document_file_account on document_file (account_id);

-- A payment order: the customer's proof that they paid a waiting bank-transfer invoice. pending_payment_id is the
-- payment's id while the order waits for review and null after, so that a payment has at most one order waiting
-- (a unique column allows many nulls on both databases; H2 has no partial indexes).
create table payment_order (
    id                 uuid primary key,
    payment_id         uuid         not null references payment (id),
    account_id         uuid         not null references account (id),
    file_id            uuid         not null references document_file (id),
    status             varchar(30)  not null,
    pending_payment_id uuid         unique references payment (id),
    reason             varchar(500),
    uploaded_at        timestamp with time zone not null,
    decided_by         uuid references app_user (id),
    decided_at         timestamp with time zone,
    version            bigint       not null
);
create index payment_order_status on payment_order (status, uploaded_at);
create index payment_order_payment on payment_order (payment_id);

-- A power of attorney: a company or sole-proprietor payer lets a named individual pay for it, from valid_from to
-- valid_to (both included). name_key is the name without case and whitespace, as statements are matched on it.
create table power_of_attorney (
    id               uuid primary key,
    account_id       uuid         not null references account (id),
    payer_id         uuid         not null references payer (id),
    individual_name  varchar(200) not null,
    name_key         varchar(200) not null,
    valid_from       date         not null,
    valid_to         date         not null,
    file_id          uuid         not null references document_file (id),
    status           varchar(20)  not null,
    reason           varchar(500),
    uploaded_at      timestamp with time zone not null,
    decided_by       uuid references app_user (id),
    decided_at       timestamp with time zone,
    version          bigint       not null
);
create index power_of_attorney_payer on power_of_attorney (payer_id, status);
create index power_of_attorney_status on power_of_attorney (status, uploaded_at);
