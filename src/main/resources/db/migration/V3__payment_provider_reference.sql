-- Webhooks find a payment by the provider's own reference for it.
create index payment_provider_reference on payment (provider, provider_reference);
