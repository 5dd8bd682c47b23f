-- Rate limits shared by every node on this database (DD-056): one row per limit and key, the GCRA theoretical arrival
-- time of the key's next use, and how many times in a row the key used up its allowance (for the growing back-off of
-- failed sign-ins). The key is stored as its SHA-256, so a user name typed into the sign-in form is not kept in clear.
-- A row whose next_at has passed means the same as no row, and is deleted by the hourly purge.
create table rate_limit_state (
    limit_name  varchar(64) not null,
    key_hash    varchar(64) not null,
    next_at     timestamp with time zone not null,
    strikes     int not null,
    primary key (limit_name, key_hash)
);
create index rate_limit_state_next_at on rate_limit_state (next_at);
