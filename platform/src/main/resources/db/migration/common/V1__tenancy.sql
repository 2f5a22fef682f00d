-- Stores are the tenants. Every store-owned table carries store_id, the column EclipseLink's
-- tenant discriminator filters on and PostgreSQL row-level security checks (V1_1).
create table stores (
    id                varchar(36)  primary key,
    slug              varchar(63)  not null,
    name              varchar(200) not null,
    status            varchar(16)  not null,
    status_reason     varchar(500),
    default_currency  char(3)      not null,
    selling_countries varchar(800) not null,
    price_display     varchar(16)  not null,
    owner_email       varchar(320) not null,
    owner_first_name  varchar(100) not null,
    owner_last_name   varchar(100) not null,
    owner_user_id     varchar(64)  not null,
    organization_id   varchar(64)  not null,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    version           bigint       not null,
    constraint uq_stores_slug unique (slug)
);
create index ix_stores_status on stores (status);

create table store_memberships (
    id          varchar(36)  primary key,
    store_id    varchar(36)  not null references stores (id),
    user_id     varchar(64)  not null,
    email       varchar(320) not null,
    role        varchar(16)  not null,
    created_at  timestamp with time zone not null,
    constraint uq_memberships_store_user unique (store_id, user_id)
);

create table store_api_keys (
    id           varchar(36)  primary key,
    store_id     varchar(36)  not null references stores (id),
    name         varchar(100) not null,
    key_prefix   varchar(16)  not null,
    key_hash     varchar(64)  not null,
    scopes       varchar(500) not null,
    created_by   varchar(200) not null,
    created_at   timestamp with time zone not null,
    last_used_at timestamp with time zone,
    revoked_at   timestamp with time zone,
    constraint uq_api_keys_hash unique (key_hash)
);
create index ix_api_keys_store on store_api_keys (store_id);

create table audit_entries (
    id          varchar(36)   primary key,
    store_id    varchar(36)   not null references stores (id),
    occurred_at timestamp with time zone not null,
    actor       varchar(200)  not null,
    actor_kind  varchar(16)   not null,
    action      varchar(64)   not null,
    target      varchar(200),
    detail      varchar(1000)
);
create index ix_audit_store_time on audit_entries (store_id, occurred_at);
