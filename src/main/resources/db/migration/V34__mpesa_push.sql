-- M-Pesa STK pushes (DD-088): one row per payment key, claimed before Daraja is called, so that a retry never pushes
-- twice. The callback's URL token is kept only as its SHA-256; the receipt number is the one M-Pesa reported.
create table mpesa_push (
    idempotency_key     varchar(100)             not null primary key,
    callback_token_hash char(64)                 not null,
    phone               varchar(12)              not null,
    amount_value        numeric(19, 4)           not null,
    amount_currency     char(3)                  not null,
    checkout_request_id varchar(64),
    merchant_request_id varchar(64),
    result_code         varchar(16),
    receipt_number      varchar(32),
    created_at          timestamp with time zone not null,
    answered_at         timestamp with time zone,
    constraint mpesa_push_token unique (callback_token_hash),
    constraint mpesa_push_checkout_request unique (checkout_request_id)
);
