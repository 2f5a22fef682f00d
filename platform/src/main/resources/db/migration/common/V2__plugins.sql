-- Plugin versions this platform can load, and which store runs which.
--
-- plugin_releases is platform-owned (no store): one row per plugin version, the bundle's SHA-256
-- naming its file in the content-addressed artifact store. The marketplace's listings and review
-- state build on it; a version number is immutable (unique plugin_id + version).
create table plugin_releases (
    id             varchar(36)    primary key,
    plugin_id      varchar(64)    not null,
    version        varchar(64)    not null,
    symbolic_name  varchar(255)   not null,
    sha256         char(64)       not null,
    size_bytes     bigint         not null,
    descriptor     varchar(200000) not null,
    origin         varchar(16)    not null,
    status         varchar(16)    not null,
    status_reason  varchar(500),
    registered_at  timestamp with time zone not null,
    constraint uq_plugin_releases_version unique (plugin_id, version)
);
create index ix_plugin_releases_sha on plugin_releases (sha256);

-- Store-owned: a store's installation of one plugin. It points at the release it runs and the
-- one it ran before (rollback target). The configuration is the store's validated JSON.
create table plugin_installations (
    id                  varchar(36)  primary key,
    store_id            varchar(36)  not null references stores (id),
    plugin_id           varchar(64)  not null,
    release_id          varchar(36)  not null references plugin_releases (id),
    previous_release_id varchar(36)  references plugin_releases (id),
    status              varchar(16)  not null,
    status_reason       varchar(500),
    configuration       varchar(65536) not null,
    installed_by        varchar(200) not null,
    installed_at        timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    version             bigint       not null,
    constraint uq_plugin_installations_store_plugin unique (store_id, plugin_id)
);
create index ix_plugin_installations_release on plugin_installations (release_id);
