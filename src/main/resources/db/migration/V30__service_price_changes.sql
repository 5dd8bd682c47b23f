-- Hosted services through the integration API (issue 17): a price change from a day on (periods starting on or after
-- next_price_from cost next_price; earlier ones keep price), and TERMINATED, the provider's end of a service.
alter table hosted_service add column next_price_value numeric(19, 4);
alter table hosted_service add column next_price_currency char(3);
alter table hosted_service add column next_price_from date;
alter table hosted_service add constraint hosted_service_next_price
    check ((next_price_value is null) = (next_price_from is null)
           and (next_price_value is null) = (next_price_currency is null));
