-- Users who sign in through an OIDC provider are known by (issuer, subject): the subject is unique only within its
-- issuer, and names and emails can change or be reused. Such users need no local username.
alter table app_user alter column username drop not null;
alter table app_user add column oidc_issuer varchar(500);
alter table app_user add column oidc_subject varchar(255);
alter table app_user add constraint app_user_oidc_identity unique (oidc_issuer, oidc_subject);
alter table app_user add constraint app_user_oidc_pair check ((oidc_issuer is null) = (oidc_subject is null));
alter table app_user add constraint app_user_has_identity check (username is not null or oidc_subject is not null);
