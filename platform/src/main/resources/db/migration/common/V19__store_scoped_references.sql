-- A store-owned row names a store-owned parent together with the store (issue #12, item 6;
-- docs/scaling.md): (store_id, parent_id) references parent (store_id, id). Two gains: the
-- database itself refuses a payment of one store pointing at another store's order (today only
-- the application and row-level security keep them apart), and every such reference carries the
-- store column, which a distribution of the store-owned tables by store (Citus) requires.
--
-- The parents get a unique (store_id, id) to be referenced by (id is unique already, so nothing
-- can fail). The old single-column references stay on H2; on PostgreSQL V19_1 drops them, since
-- the new ones imply them.
alter table catalog_products add constraint uq_catalog_products_store_id unique (store_id, id);
alter table catalog_variants add constraint uq_catalog_variants_store_id unique (store_id, id);
alter table catalog_warehouses add constraint uq_catalog_warehouses_store_id unique (store_id, id);
alter table catalog_stock add constraint uq_catalog_stock_store_id unique (store_id, id);
alter table order_events add constraint uq_order_events_store_id unique (store_id, id);
alter table orders add constraint uq_orders_store_id unique (store_id, id);
alter table payments add constraint uq_payments_store_id unique (store_id, id);

alter table catalog_variants add constraint fk_catalog_variants_product
    foreign key (store_id, product_id) references catalog_products (store_id, id);
alter table catalog_stock add constraint fk_catalog_stock_variant
    foreign key (store_id, variant_id) references catalog_variants (store_id, id);
alter table catalog_stock add constraint fk_catalog_stock_warehouse
    foreign key (store_id, warehouse_id) references catalog_warehouses (store_id, id);
alter table catalog_reservations add constraint fk_catalog_reservations_stock
    foreign key (store_id, stock_id) references catalog_stock (store_id, id);
alter table event_deliveries add constraint fk_event_deliveries_event
    foreign key (store_id, event_id) references order_events (store_id, id);
alter table payments add constraint fk_payments_order
    foreign key (store_id, order_id) references orders (store_id, id);
alter table payment_operations add constraint fk_payment_operations_payment
    foreign key (store_id, payment_id) references payments (store_id, id);
alter table payment_updates add constraint fk_payment_updates_payment
    foreign key (store_id, payment_id) references payments (store_id, id);
alter table order_history add constraint fk_order_history_order
    foreign key (store_id, order_id) references orders (store_id, id);
