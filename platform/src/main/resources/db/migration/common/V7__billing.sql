-- Billing (issue #4 item 5). A store's charges are store-owned (RLS); the developer's share of
-- each charge is platform-owned, written in the same transaction; usage is counted by the
-- invoker and flushed per (store, plugin, month).
create table store_charges (
    id               varchar(36)  primary key,
    store_id         varchar(36)  not null references stores (id),
    plugin_id        varchar(64)  not null,
    listing_id       varchar(36)  not null references listings (id),
    kind             varchar(16)  not null,
    period_start     timestamp with time zone not null,
    period_end       timestamp with time zone not null,
    quantity         bigint       not null,
    unit_price_minor bigint       not null,
    amount_minor     bigint       not null,
    currency         char(3)      not null,
    description      varchar(300) not null,
    created_at       timestamp with time zone not null,
    constraint uq_store_charges_period unique (store_id, plugin_id, kind, period_start)
);
create index ix_store_charges_store_time on store_charges (store_id, created_at);

create table developer_earnings (
    id                 varchar(36) primary key,
    charge_id          varchar(36) not null,
    listing_id         varchar(36) not null references listings (id),
    developer_id       varchar(64) not null,
    kind               varchar(16) not null,
    gross_minor        bigint      not null,
    platform_fee_minor bigint      not null,
    net_minor          bigint      not null,
    currency           char(3)     not null,
    created_at         timestamp with time zone not null,
    constraint uq_developer_earnings_charge unique (charge_id)
);
create index ix_developer_earnings_developer on developer_earnings (developer_id, created_at);

create table usage_counters (
    id           varchar(36)  primary key,
    store_id     varchar(36)  not null references stores (id),
    plugin_id    varchar(64)  not null,
    month_start  timestamp with time zone not null,
    calls        bigint       not null,
    constraint uq_usage_counters unique (store_id, plugin_id, month_start)
);
