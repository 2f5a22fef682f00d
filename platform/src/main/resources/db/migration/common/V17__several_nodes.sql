-- A second node-wide counter next to 'plugins' (release status and builds): every change of a
-- store's installations, configuration or answering rules bumps it in its own transaction, so
-- every node drops its cached installations when it moves (docs/architecture.md, "Several nodes").
insert into platform_revisions (name, revision) values ('installations', 0);

-- What an onboarding attempt is about to create in Keycloak, written with its claim before the
-- first identity call, so that the reaper (tenancy.application.AbandonedOnboardings) can remove
-- what an attempt that died left there: the organization (alias = slug) and the owner it created.
alter table store_claims add column owner_email varchar(320);
alter table store_claims add column store_name varchar(255);

-- One lease row per periodic job that must run once across the cluster (billing run, plugin data
-- purge, event retention purge, reservation sweep, payment resolver): a node runs the job only if
-- it moved next_run_at forward itself (docs/architecture.md, "Several nodes"). runs and last_node
-- say who ran it and how often.
create table scheduled_jobs (
    name        varchar(64)  primary key,
    next_run_at timestamp with time zone not null,
    last_run_at timestamp with time zone,
    last_node   varchar(128),
    runs        bigint       not null default 0
);
