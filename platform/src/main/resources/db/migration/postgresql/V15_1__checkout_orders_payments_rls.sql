-- The second wall for the store runtime's tables (V15), like V1_1.
do $$
declare
    t text;
begin
    foreach t in array array['commerce_settings', 'checkouts', 'orders', 'payments', 'payment_operations',
                             'payment_updates', 'order_history', 'idempotency_records'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy store_isolation on %I
                          using (store_id = current_setting(''app.tenant_id'', true))
                          with check (store_id = current_setting(''app.tenant_id'', true))', t);
    end loop;
end
$$;
grant select, insert, update on commerce_settings, checkouts, orders, payments, payment_operations to ${appRole};
-- History and applied notifications are append-only; idempotency records are purged after expiry.
grant select, insert on order_history, payment_updates to ${appRole};
grant select, insert, update, delete on idempotency_records to ${appRole};
