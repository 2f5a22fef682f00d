-- Plugin-private key-value storage (SDK PluginStorage), store-owned and scoped to (store, plugin).
-- A deleted or expired entry keeps its row (value null) so its version keeps growing: a client
-- holding an old version can never compare-and-set over a re-created entry.
create table plugin_storage (
    id          varchar(36)  primary key,
    store_id    varchar(36)  not null references stores (id),
    plugin_id   varchar(64)  not null,
    entry_key   varchar(200) not null,
    entry_value bytea,
    size_bytes  integer      not null,
    version     bigint       not null,
    expires_at  timestamp with time zone,
    updated_at  timestamp with time zone not null,
    constraint uq_plugin_storage_key unique (store_id, plugin_id, entry_key)
);
