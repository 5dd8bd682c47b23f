-- A saved-method charge that only the customer can finish, on-session (their bank's authentication). The row says
-- which action the provider asks for (null once it no longer does) and how often the customer was sent to do it: each
-- attempt gets its own idempotency key, so a retried click is one request and a new click a new attempt.
create table payment_customer_action (
    payment_id  uuid        primary key references payment (id),
    kind        varchar(20),
    attempts    int         default 0 not null,
    updated_at  timestamp with time zone not null
);

-- The demo provider's authentication page for a saved-card charge sends the customer back here.
alter table demo_charge add column return_path varchar(300);
