-- The outbox's tables are store-owned: the same second wall as V1_1.
do $$
declare
    t text;
begin
    foreach t in array array['order_events', 'event_deliveries'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy store_isolation on %I
                          using (store_id = current_setting(''app.tenant_id'', true))
                          with check (store_id = current_setting(''app.tenant_id'', true))', t);
    end loop;
end
$$;

-- Events are append-only for the application; deliveries change state and are purged.
grant select, insert, delete on order_events to ${appRole};
grant select, insert, update, delete on event_deliveries to ${appRole};

-- Finding due work across stores without weakening RLS (docs/architecture.md, "Order events").
-- The two functions below run as the owner of the tables (security definer). Under FORCE the owner
-- is held by RLS too, so this policy lets the owner, and only the owner, read deliveries of every
-- store: nothing the owner could not already do (it may disable RLS on its own tables), and the
-- application role is not the owner and cannot become it. The application reaches those rows only
-- through the functions, which return no order content:
--   due_event_deliveries: (store, delivery) of the due rows, to be claimed in a transaction bound
--     to that store (where RLS applies again);
--   plugin_event_deliveries: a plugin's deliveries for its developer, with the store's slug and
--     the delivery's state only.
create policy outbox_owner_scan on event_deliveries for select to current_user using (true);

create function due_event_deliveries(due_at timestamp with time zone, max_rows integer)
    returns table (store_id varchar, store_slug varchar, delivery_id varchar)
    language sql stable security definer
    set search_path from current
as $$
    select d.store_id, s.slug, d.id
      from event_deliveries d join stores s on s.id = d.store_id
     where d.status = 'PENDING' and d.next_attempt_at <= due_at
       and (d.lease_until is null or d.lease_until <= due_at)
       and not exists (select 1 from event_deliveries e
                        where e.store_id = d.store_id and e.installation_id = d.installation_id
                          and e.order_id = d.order_id and e.sequence_no < d.sequence_no
                          and e.status = 'PENDING')
     order by d.next_attempt_at, d.sequence_no
     limit max_rows
$$;

create function plugin_event_deliveries(
        p_plugin_id varchar, p_status varchar, p_limit integer, p_offset integer)
    returns table (delivery_id varchar, event_id varchar, store_slug varchar, event_type varchar,
                   sequence_no bigint, status varchar, attempts integer, last_error varchar,
                   enqueued_at timestamp with time zone, next_attempt_at timestamp with time zone,
                   completed_at timestamp with time zone, total bigint)
    language sql stable security definer
    set search_path from current
as $$
    select d.id, d.event_id, s.slug, d.event_type, d.sequence_no, d.status, d.attempts, d.last_error,
           d.enqueued_at, d.next_attempt_at, d.completed_at, count(*) over ()
      from event_deliveries d join stores s on s.id = d.store_id
     where d.plugin_id = p_plugin_id and (p_status is null or d.status = p_status)
     order by d.enqueued_at desc, d.id
     limit p_limit offset p_offset
$$;

revoke all on function due_event_deliveries(timestamp with time zone, integer) from public;
revoke all on function plugin_event_deliveries(varchar, varchar, integer, integer) from public;
grant execute on function due_event_deliveries(timestamp with time zone, integer) to ${appRole};
grant execute on function plugin_event_deliveries(varchar, varchar, integer, integer) to ${appRole};
