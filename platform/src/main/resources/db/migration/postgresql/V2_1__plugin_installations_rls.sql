-- Installations are store-owned: the same second wall as V1_1.
alter table plugin_installations enable row level security;
alter table plugin_installations force row level security;
create policy store_isolation on plugin_installations
    using (store_id = current_setting('app.tenant_id', true))
    with check (store_id = current_setting('app.tenant_id', true));

grant select, insert, update, delete on plugin_installations to ${appRole};
-- Releases are the platform's catalog, not any store's.
grant select, insert, update on plugin_releases to ${appRole};
