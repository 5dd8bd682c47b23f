-- PayPal webhook events we have processed: a redelivered event id changes nothing.
create table paypal_event (
    event_id    varchar(64)              not null primary key,
    event_type  varchar(64)              not null,
    resource_id varchar(64),
    outcome     varchar(32)              not null,
    received_at timestamp with time zone not null
);
