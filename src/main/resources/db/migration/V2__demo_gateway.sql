-- State of the built-in demo payment provider. It plays the provider's side, so it keeps its own tables and
-- never reads Billfold's payment tables.

create table demo_checkout (
    id               varchar(40)    primary key,
    merchant         varchar(200)   not null,
    payer_name       varchar(200)   not null,
    description      varchar(300)   not null,
    amount_value     numeric(19, 4) not null,
    amount_currency  char(3)        not null,
    return_path      varchar(300)   not null,
    cancel_path      varchar(300)   not null,
    save_card        boolean        not null,
    idempotency_key  varchar(100)   not null,
    status           varchar(20)    not null,
    decline_reason   varchar(300),
    card_token       varchar(40),
    created_at       timestamp with time zone not null,
    completed_at     timestamp with time zone,
    constraint demo_checkout_idempotency unique (idempotency_key)
);

create table demo_card (
    token        varchar(40) primary key,
    brand        varchar(20) not null,
    last4        char(4)     not null,
    exp_month    int         not null,
    exp_year     int         not null,
    detached     boolean     not null,
    created_at   timestamp with time zone not null
);

create table demo_charge (
    id               varchar(40)    primary key,
    idempotency_key  varchar(100)   not null,
    card_token       varchar(40)    not null,
    amount_value     numeric(19, 4) not null,
    amount_currency  char(3)        not null,
    status           varchar(20)    not null,
    decline_reason   varchar(300),
    created_at       timestamp with time zone not null,
    constraint demo_charge_idempotency unique (idempotency_key)
);
