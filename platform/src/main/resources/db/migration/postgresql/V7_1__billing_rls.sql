-- Charges and usage are store-owned: the same second wall as V1_1. Earnings are the developer's.
do $$
declare
    t text;
begin
    foreach t in array array['store_charges', 'usage_counters'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy store_isolation on %I
                          using (store_id = current_setting(''app.tenant_id'', true))
                          with check (store_id = current_setting(''app.tenant_id'', true))', t);
    end loop;
end
$$;
-- The ledger is append-only for the application.
grant select, insert on store_charges to ${appRole};
grant select, insert, update on usage_counters to ${appRole};
grant select, insert on developer_earnings to ${appRole};
