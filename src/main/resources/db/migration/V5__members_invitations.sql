-- The account a member last chose in the switcher: the latest choice wins. Kept on the membership itself, so a
-- removed membership can never be anyone's current account.
alter table account_member add column chosen_at timestamp with time zone;

create index account_member_user on account_member (user_id);

-- An owner's invitation to join an account with a role. Only a hash of the one-time token is stored; the token
-- itself exists only in the mail.
create table invitation (
    id           uuid primary key,
    account_id   uuid         not null references account (id),
    email        varchar(320) not null,
    role         varchar(20)  not null,
    token_hash   char(64)     not null,
    invited_by   uuid         not null references app_user (id),
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    accepted_by  uuid references app_user (id),
    accepted_at  timestamp with time zone,
    version      bigint       not null,
    constraint invitation_token unique (token_hash)
);
create index invitation_account on invitation (account_id);
create index invitation_email on invitation (email);
