-- The single-column references V19 made redundant (PostgreSQL's default names, from the inline
-- "references" of V12, V14 and V15); the store-scoped ones imply them.
alter table catalog_variants drop constraint catalog_variants_product_id_fkey;
alter table catalog_stock drop constraint catalog_stock_variant_id_fkey;
alter table catalog_stock drop constraint catalog_stock_warehouse_id_fkey;
alter table catalog_reservations drop constraint catalog_reservations_stock_id_fkey;
alter table event_deliveries drop constraint event_deliveries_event_id_fkey;
alter table payments drop constraint payments_order_id_fkey;
alter table payment_operations drop constraint payment_operations_payment_id_fkey;
alter table payment_updates drop constraint payment_updates_payment_id_fkey;
alter table order_history drop constraint order_history_order_id_fkey;
