-- The second wall (DESIGN.md decision 6): even a query that escapes EclipseLink's tenant filter
-- sees only the rows of the store bound to the transaction with
--   select set_config('app.tenant_id', <store id>, true)
-- The application connects as ${appRole}, which neither owns these tables nor bypasses RLS.
do $$
declare
    t text;
begin
    foreach t in array array['store_memberships', 'store_api_keys', 'audit_entries'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy store_isolation on %I
                          using (store_id = current_setting(''app.tenant_id'', true))
                          with check (store_id = current_setting(''app.tenant_id'', true))', t);
    end loop;
end
$$;

grant usage on schema public to ${appRole};
grant select, insert, update on stores to ${appRole};
grant select, insert, update, delete on store_memberships, store_api_keys to ${appRole};
-- The audit log is append-only for the application.
grant select, insert on audit_entries to ${appRole};
