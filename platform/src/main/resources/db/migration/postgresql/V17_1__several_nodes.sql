-- Wakes every node as soon as a revision moves: the notification is sent at the commit of the
-- transaction that bumped the counter (never before, never for a rolled-back one). It only wakes
-- nodes up; the counter stays the truth and the 1 s poll catches what a reconnecting node missed.
-- The payload (name:revision) is informational; listeners re-read the counters.
create function notify_platform_revision() returns trigger
    language plpgsql as $$
begin
    perform pg_notify('caravan_revisions', new.name || ':' || new.revision);
    return null;
end
$$;

create trigger platform_revisions_notify
    after update on platform_revisions
    for each row execute function notify_platform_revision();

-- The job leases are platform-owned (no store's data): the application claims them.
grant select, insert, update on scheduled_jobs to ${appRole};
