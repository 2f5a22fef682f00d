-- The order event outbox (issue #10, part 7; docs/architecture.md, "Order events").
--
-- order_events: one row per order event, written in the transaction of the order change it
-- describes (EventOutbox.append joins the caller's transaction). payload is the SDK OrderEvent as
-- the sandbox protocol's JSON mapper writes it, so what a plugin receives is what was stored.
-- (store_id, order_id, sequence_no) is unique: a second writer of the same sequence fails at commit.
create table order_events (
    id             varchar(128)     primary key,
    store_id       varchar(36)      not null references stores (id),
    order_id       varchar(64)      not null,
    sequence_no    bigint           not null,
    schema_version integer          not null,
    event_type     varchar(32)      not null,
    occurred_at    timestamp with time zone not null,
    payload        varchar(1000000) not null,
    recorded_at    timestamp with time zone not null,
    constraint uq_order_events_sequence unique (store_id, order_id, sequence_no)
);
create index ix_order_events_recorded on order_events (store_id, recorded_at);

-- event_deliveries: one row per (event, subscribed enabled installation), fanned out in the same
-- transaction; unique (event_id, installation_id) is the dedup key. A claim is a lease:
-- claimed_by (node), claim_token and lease_until; a node that dies mid-delivery loses its lease
-- when lease_until passes and another node delivers again (at least once). The order columns are
-- copied from the event so that "earlier sequence of the same order to the same installation
-- still pending" is one index lookup.
create table event_deliveries (
    id              varchar(36)   primary key,
    store_id        varchar(36)   not null references stores (id),
    event_id        varchar(128)  not null references order_events (id),
    order_id        varchar(64)   not null,
    sequence_no     bigint        not null,
    event_type      varchar(32)   not null,
    installation_id varchar(36)   not null,
    plugin_id       varchar(64)   not null,
    status          varchar(16)   not null,
    attempts        integer       not null,
    next_attempt_at timestamp with time zone not null,
    claimed_by      varchar(100),
    claim_token     varchar(36),
    lease_until     timestamp with time zone,
    last_error      varchar(1000),
    enqueued_at     timestamp with time zone not null,
    completed_at    timestamp with time zone,
    constraint uq_event_deliveries_dedup unique (event_id, installation_id)
);
create index ix_event_deliveries_due on event_deliveries (status, next_attempt_at);
create index ix_event_deliveries_order on event_deliveries (store_id, installation_id, order_id, sequence_no);
create index ix_event_deliveries_store on event_deliveries (store_id, enqueued_at);
create index ix_event_deliveries_plugin on event_deliveries (plugin_id, status, enqueued_at);
create index ix_event_deliveries_completed on event_deliveries (completed_at);
