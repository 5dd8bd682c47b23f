-- Issue 21 (DD-101): the language each user chose in the header, or that their OIDC provider's locale claim seeded
-- at their first sign-in; their mails follow it. No row: the browser's Accept-Language decides, and mails are English.
create table user_language (
    user_id     uuid        primary key references app_user (id),
    language    varchar(8)  not null,
    chosen      boolean     not null,
    updated_at  timestamp with time zone not null
);
