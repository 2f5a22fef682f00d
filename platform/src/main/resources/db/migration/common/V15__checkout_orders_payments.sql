-- The store runtime (issue #10): checkouts, orders, payments and the idempotency records of the
-- storefront's order placement. Everything here is store-owned (RLS in V15_1). Amounts are ISO 4217
-- minor units in the row's currency; snapshots are the JSON the platform computed and showed, kept
-- verbatim so an order can always say which plugin, version and rule produced each figure.

-- Per-store commerce settings (capture policy, the shipping-share warning) and the store's order
-- number counter, handed out under this row's lock. One row per store: its id is the store's id.
create table commerce_settings (
    id                        varchar(36)  primary key,
    store_id                  varchar(36)  not null references stores (id),
    last_order_number         bigint       not null,
    capture_mode              varchar(16)  not null,
    shipping_warning_percent  integer      not null,
    updated_at                timestamp with time zone not null,
    constraint ck_commerce_settings_capture check (capture_mode in ('AT_ONCE', 'ON_SHIPMENT')),
    constraint ck_commerce_settings_warning check (shipping_warning_percent between 0 and 1000)
);

create table checkouts (
    id                  varchar(36)     primary key,
    store_id            varchar(36)     not null references stores (id),
    status              varchar(16)     not null,
    currency            char(3)         not null,
    shopper_email       varchar(254)    not null,
    shopper_country     char(2)         not null,
    shopper_locale      varchar(35)     not null,
    display_currency    char(3)         not null,
    request             varchar(1000000) not null,
    quote               varchar(1000000),
    version             bigint          not null,
    order_id            varchar(36),
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    expires_at          timestamp with time zone not null,
    constraint ck_checkouts_status check (status in ('OPEN', 'COMPLETED', 'EXPIRED'))
);
create index ix_checkouts_store_created on checkouts (store_id, created_at);

create table orders (
    id                  varchar(36)     primary key,
    store_id            varchar(36)     not null references stores (id),
    order_number        bigint          not null,
    checkout_id         varchar(36)     not null,
    status              varchar(16)     not null,
    payment_status      varchar(24)     not null,
    fulfilment_status   varchar(24)     not null,
    return_status       varchar(24)     not null,
    currency            char(3)         not null,
    total_minor         bigint          not null,
    shopper_email       varchar(254)    not null,
    ship_to_country     char(2)         not null,
    method_code         varchar(32)     not null,
    cod                 boolean         not null,
    confirmation        varchar(16)     not null,
    snapshot            varchar(1000000) not null,
    cart                varchar(1000000) not null,
    event_sequence      bigint          not null,
    version             bigint          not null,
    cancel_reason       varchar(300),
    placed_at           timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    constraint uq_orders_number unique (store_id, order_number),
    constraint ck_orders_total check (total_minor >= 0),
    constraint ck_orders_confirmation check (confirmation in ('NOT_REQUIRED', 'PENDING', 'CONFIRMED', 'REFUSED'))
);
create index ix_orders_store_placed on orders (store_id, placed_at);
create index ix_orders_checkout on orders (store_id, checkout_id);

-- A payment is one attempt at one provider (installation): the platform's attempt key is its id
-- and the provider's idempotency key. Amounts are kept Saleor-style; the status is derived.
create table payments (
    id                        varchar(36)   primary key,
    store_id                  varchar(36)   not null references stores (id),
    order_id                  varchar(36)   not null references orders (id),
    attempt_number            integer       not null,
    installation_id           varchar(36)   not null,
    plugin_id                 varchar(64)   not null,
    plugin_version            varchar(64)   not null,
    method_code               varchar(32)   not null,
    currency                  char(3)       not null,
    amount_minor              bigint        not null,
    outcome                   varchar(24)   not null,
    provider_reference        varchar(128),
    decline_category          varchar(8),
    decline_code              varchar(64),
    decline_message           varchar(300),
    action                    varchar(65536),
    authorized_minor          bigint        not null,
    authorize_pending_minor   bigint        not null,
    captured_minor            bigint        not null,
    capture_pending_minor     bigint        not null,
    refunded_minor            bigint        not null,
    refund_pending_minor      bigint        not null,
    voided_minor              bigint        not null,
    expires_at                timestamp with time zone,
    resolve_after             timestamp with time zone,
    resolve_attempts          integer       not null,
    created_at                timestamp with time zone not null,
    updated_at                timestamp with time zone not null,
    constraint uq_payments_attempt unique (order_id, attempt_number),
    constraint ck_payments_amounts check (amount_minor > 0 and authorized_minor >= 0 and authorize_pending_minor >= 0
        and captured_minor >= 0 and capture_pending_minor >= 0 and refunded_minor >= 0
        and refund_pending_minor >= 0 and voided_minor >= 0)
);
create index ix_payments_order on payments (store_id, order_id);
create index ix_payments_provider_ref on payments (store_id, installation_id, provider_reference);
create index ix_payments_resolve on payments (resolve_after);

-- Every provider operation, recorded before it is made (REQUESTED) and updated with what came
-- back; its id is the operation's idempotency key at the provider.
create table payment_operations (
    id                      varchar(36)  primary key,
    store_id                varchar(36)  not null references stores (id),
    payment_id              varchar(36)  not null references payments (id),
    kind                    varchar(16)  not null,
    amount_minor            bigint       not null,
    status                  varchar(16)  not null,
    operation_reference     varchar(128),
    failure_reason          varchar(300),
    requested_by            varchar(128) not null,
    created_at              timestamp with time zone not null,
    updated_at              timestamp with time zone not null
);
create index ix_payment_operations_payment on payment_operations (store_id, payment_id);

-- Provider notifications applied to a payment: one row per (type, operation reference, amount),
-- so a replay changes nothing.
create table payment_updates (
    id                      varchar(36)  primary key,
    store_id                varchar(36)  not null references stores (id),
    payment_id              varchar(36)  not null references payments (id),
    update_type             varchar(32)  not null,
    operation_reference     varchar(128) not null,
    amount_minor            bigint       not null,
    source                  varchar(16)  not null,
    applied                 boolean      not null,
    note                    varchar(300),
    received_at             timestamp with time zone not null,
    constraint uq_payment_updates unique (payment_id, update_type, operation_reference, amount_minor)
);

-- What happened to an order, in order: the merchant's history view.
create table order_history (
    id                      varchar(36)  primary key,
    store_id                varchar(36)  not null references stores (id),
    order_id                varchar(36)  not null references orders (id),
    sequence_number         bigint       not null,
    kind                    varchar(48)  not null,
    detail                  varchar(2000) not null,
    actor                   varchar(128) not null,
    occurred_at             timestamp with time zone not null,
    constraint uq_order_history unique (order_id, sequence_number)
);

-- Idempotency-Key → outcome for order placement, kept at least 24 h.
create table idempotency_records (
    id                      varchar(36)   primary key,
    store_id                varchar(36)   not null references stores (id),
    operation               varchar(32)   not null,
    idempotency_key         varchar(255)  not null,
    request_hash            char(64)      not null,
    state                   varchar(16)   not null,
    response_status         integer,
    response_body           varchar(1000000),
    created_at              timestamp with time zone not null,
    expires_at              timestamp with time zone not null,
    constraint uq_idempotency unique (store_id, operation, idempotency_key)
);
create index ix_idempotency_expiry on idempotency_records (expires_at);
