-- The payer each member last chose in the header, per account. A row pointing at a payer that was archived since is
-- ignored when read (the account's default payer is used instead), so archiving never has to touch other users' rows.
create table active_payer (
    user_id     uuid not null references app_user (id),
    account_id  uuid not null references account (id),
    payer_id    uuid not null references payer (id),
    primary key (user_id, account_id)
);
