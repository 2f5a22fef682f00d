-- Plugin storage is store-owned: the same second wall as V1_1.
alter table plugin_storage enable row level security;
alter table plugin_storage force row level security;
create policy store_isolation on plugin_storage
    using (store_id = current_setting('app.tenant_id', true))
    with check (store_id = current_setting('app.tenant_id', true));

grant select, insert, update, delete on plugin_storage to ${appRole};
