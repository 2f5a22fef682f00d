-- Plugin health rows are store-owned: the same second wall as V1_1.
alter table plugin_health enable row level security;
alter table plugin_health force row level security;
create policy store_isolation on plugin_health
    using (store_id = current_setting('app.tenant_id', true))
    with check (store_id = current_setting('app.tenant_id', true));
grant select, insert, update, delete on plugin_health to ${appRole};

-- Finding due checks across stores without weakening RLS, as V14_1 does for the outbox: the owner
-- (and only the owner: the application role is not it) may read installations and health rows of
-- every store, and the application reaches them only through this security-definer function, which
-- returns ids and nothing else. The claim then runs in a transaction bound to the store.
create policy health_owner_scan on plugin_installations for select to current_user using (true);
create policy health_owner_scan on plugin_health for select to current_user using (true);

create function due_plugin_health(due_at timestamp with time zone, changed_before timestamp with time zone,
                                  max_rows integer)
    returns table (store_id varchar, store_slug varchar, installation_id varchar)
    language sql stable security definer
    set search_path from current
as $$
    select i.store_id, s.slug, i.id
      from plugin_installations i
      join stores s on s.id = i.store_id
      left join plugin_health h on h.installation_id = i.id
     where i.status = 'ENABLED' and s.status = 'ACTIVE' and i.updated_at <= changed_before
       and (h.installation_id is null
            or ((h.next_check_at <= due_at or h.checked_at is null or h.checked_at < i.updated_at)
                and (h.lease_until is null or h.lease_until <= due_at)))
     order by coalesce(h.next_check_at, i.updated_at), i.id
     limit max_rows
$$;

revoke all on function due_plugin_health(timestamp with time zone, timestamp with time zone, integer) from public;
grant execute on function due_plugin_health(timestamp with time zone, timestamp with time zone, integer)
    to ${appRole};
