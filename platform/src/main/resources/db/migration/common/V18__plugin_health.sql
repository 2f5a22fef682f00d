-- Plugin health (issue #12): the last report of each enabled installation's HEALTH extension, and
-- when the next check is due. Store-owned (row-level security on PostgreSQL: V18_1). A row is made
-- by the first check; the installation's removal removes it.
--
-- status: PENDING (claimed, not answered yet), UP, DEGRADED, DOWN, NOT_REPORTED (the version has no
-- HEALTH extension). The checker of any node claims a due row with a lease (lease_until, lease_token;
-- the JPA version column makes two claims at once conflict), so a check runs on one node at a time.
--
-- The installation is named with its store, (store_id, installation_id): a health row can only
-- belong to an installation of its own store, and the key carries the store column a
-- distribution by store needs (docs/scaling.md).
alter table plugin_installations add constraint uq_plugin_installations_store_id unique (store_id, id);

create table plugin_health (
    installation_id  varchar(36)  primary key,
    store_id         varchar(36)  not null references stores (id),
    status           varchar(16)  not null,
    detail           varchar(500),
    release_id       varchar(36),
    plugin_version   varchar(64),
    checked_at       timestamp with time zone,
    took_ms          bigint,
    down_since       timestamp with time zone,
    next_check_at    timestamp with time zone not null,
    lease_until      timestamp with time zone,
    lease_token      varchar(36),
    version          bigint       not null,
    constraint fk_plugin_health_installation foreign key (store_id, installation_id)
        references plugin_installations (store_id, id) on delete cascade
);
create index ix_plugin_health_due on plugin_health (next_check_at);
create index ix_plugin_health_store on plugin_health (store_id);
