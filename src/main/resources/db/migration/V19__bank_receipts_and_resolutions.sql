-- Bank transfers (DD-064): every receipt a statement showed, known for ever by its cause (the statement's account and
-- the bank's reference), so that no import credits the same money twice; and the staff actions on payments (the
-- resolution of a held payment, a conditional credit and its reversal), one of each kind per payment.
create table bank_receipt (
    id               uuid primary key,
    cause            varchar(200)   not null,
    payment_id       uuid references payment (id),
    amount_value     numeric(19, 4) not null,
    amount_currency  char(3)        not null,
    booking_date     date           not null,
    debtor_name      varchar(200),
    debtor_tax_id    varchar(50),
    remittance       varchar(500),
    bank_reference   varchar(200)   not null,
    outcome          varchar(20)    not null,
    received_at      timestamp with time zone not null,
    constraint bank_receipt_cause unique (cause)
);
create index bank_receipt_payment on bank_receipt (payment_id);

create table payment_staff_action (
    id                uuid primary key,
    payment_id        uuid          not null references payment (id),
    action            varchar(30)   not null,
    note              varchar(1000) not null,
    customer_reason   varchar(200),
    staff_user_id     uuid          not null references app_user (id),
    staff_name        varchar(200)  not null,
    bank_reference    varchar(200),
    other_payment_id  uuid references payment (id),
    created_at        timestamp with time zone not null,
    constraint payment_staff_action_once unique (payment_id, action)
);

-- The held-payments queue, oldest first.
create index payment_status_updated on payment (status, updated_at);
