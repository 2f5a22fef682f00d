alter table plugin_data_retention enable row level security;
alter table plugin_data_retention force row level security;
create policy store_isolation on plugin_data_retention
    using (store_id = current_setting('app.tenant_id', true))
    with check (store_id = current_setting('app.tenant_id', true));

grant select, insert, update, delete on plugin_data_retention to ${appRole};
grant select, insert, update on listing_stats to ${appRole};
