-- The store's catalogue and stock (issue #10, part 2; the allocation of part 3). Every table is
-- store-owned: EclipseLink's tenant discriminator on store_id, and on PostgreSQL row-level
-- security (V12_1). Money is in ISO 4217 minor units; lists (prices, options, categories, flags,
-- served countries) are kept as canonical text the catalog context writes and reads itself.
create table catalog_products (
    id            varchar(36)   primary key,
    store_id      varchar(36)   not null references stores (id),
    handle        varchar(100)  not null,
    title         varchar(200)  not null,
    description   varchar(10000),
    categories    varchar(2000) not null,
    status        varchar(16)   not null,
    tax_category  varchar(16)   not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    version       bigint        not null,
    constraint uq_catalog_products_handle unique (store_id, handle)
);
create index ix_catalog_products_status on catalog_products (store_id, status, handle);

create table catalog_variants (
    id              varchar(36)   primary key,
    store_id        varchar(36)   not null references stores (id),
    product_id      varchar(36)   not null references catalog_products (id),
    sort_order      integer       not null,
    sku             varchar(64)   not null,
    option_values   varchar(2000) not null,
    prices          varchar(2000) not null,
    weight_g        bigint        not null,
    length_mm       bigint        not null,
    width_mm        bigint        not null,
    height_mm       bigint        not null,
    hs_code         varchar(10),
    origin_country  char(2),
    flags           varchar(200)  not null,
    constraint uq_catalog_variants_sku unique (store_id, sku),
    constraint ck_catalog_variants_measures
        check (weight_g >= 0 and length_mm >= 0 and width_mm >= 0 and height_mm >= 0)
);
create index ix_catalog_variants_product on catalog_variants (product_id);

create table catalog_warehouses (
    id                      varchar(36)   primary key,
    store_id                varchar(36)   not null references stores (id),
    code                    varchar(32)   not null,
    name                    varchar(120)  not null,
    address_line1           varchar(200)  not null,
    address_line2           varchar(200),
    city                    varchar(100)  not null,
    postal_code             varchar(20),
    region                  varchar(100),
    country                 char(2)       not null,
    kind                    varchar(16)   not null,
    handling_days           integer       not null,
    cost_per_item_minor     bigint        not null,
    cost_currency           char(3)       not null,
    priority                integer       not null,
    serves_countries        varchar(1000) not null,
    active                  boolean       not null,
    created_at              timestamp with time zone not null,
    version                 bigint        not null,
    constraint uq_catalog_warehouses_code unique (store_id, code),
    constraint ck_catalog_warehouses_numbers check (handling_days >= 0 and cost_per_item_minor >= 0)
);

-- available = on_hand - reserved, never negative: the constraint is the last guard behind the
-- row locks of StockReservations.
create table catalog_stock (
    id            varchar(36)  primary key,
    store_id      varchar(36)  not null references stores (id),
    variant_id    varchar(36)  not null references catalog_variants (id),
    warehouse_id  varchar(36)  not null references catalog_warehouses (id),
    on_hand       bigint       not null,
    reserved      bigint       not null,
    updated_at    timestamp with time zone not null,
    version       bigint       not null,
    constraint uq_catalog_stock unique (store_id, variant_id, warehouse_id),
    constraint ck_catalog_stock_levels check (reserved >= 0 and on_hand >= reserved)
);
create index ix_catalog_stock_warehouse on catalog_stock (warehouse_id);

-- One line per (holder, stock row): a checkout's or order's claim on units. HELD lines expire at
-- expires_at (the sweep releases them); COMMITTED lines belong to an order and never expire.
create table catalog_reservations (
    id            varchar(36)  primary key,
    store_id      varchar(36)  not null references stores (id),
    holder        varchar(64)  not null,
    stock_id      varchar(36)  not null references catalog_stock (id),
    sku           varchar(64)  not null,
    warehouse     varchar(32)  not null,
    quantity      bigint       not null,
    status        varchar(16)  not null,
    expires_at    timestamp with time zone,
    created_at    timestamp with time zone not null,
    constraint uq_catalog_reservations unique (store_id, holder, stock_id),
    constraint ck_catalog_reservations_quantity check (quantity > 0)
);
create index ix_catalog_reservations_expiry on catalog_reservations (status, expires_at);

create table catalog_settings (
    id               varchar(36)  primary key,
    store_id         varchar(36)  not null references stores (id),
    allocation_rule  varchar(16)  not null,
    version          bigint       not null,
    constraint uq_catalog_settings_store unique (store_id)
);

-- A CSV import and its report (errors as text, at most the first few hundred).
create table catalog_imports (
    id            varchar(36)  primary key,
    store_id      varchar(36)  not null references stores (id),
    status        varchar(16)  not null,
    rows_read     bigint       not null,
    rows_valid    bigint       not null,
    error_count   bigint       not null,
    errors        varchar(200000),
    products      bigint       not null,
    variants      bigint       not null,
    created_by    varchar(255) not null,
    created_at    timestamp with time zone not null,
    finished_at   timestamp with time zone
);
create index ix_catalog_imports_store on catalog_imports (store_id, created_at);
