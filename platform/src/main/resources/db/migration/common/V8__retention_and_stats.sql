-- Plugin data kept after an uninstall until its retention ends (store-owned), and per-listing
-- install counts for developers (platform-owned aggregate, updated atomically).
create table plugin_data_retention (
    id           varchar(36) primary key,
    store_id     varchar(36) not null references stores (id),
    plugin_id    varchar(64) not null,
    purge_after  timestamp with time zone not null,
    constraint uq_plugin_data_retention unique (store_id, plugin_id)
);
create index ix_plugin_data_retention_due on plugin_data_retention (purge_after);

create table listing_stats (
    plugin_id  varchar(64) primary key,
    installs   bigint      not null,
    updated_at timestamp with time zone not null
);
