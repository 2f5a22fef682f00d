-- The catalogue and stock are store-owned: the same second wall as V1_1.
do $$
declare
    t text;
begin
    foreach t in array array['catalog_products', 'catalog_variants', 'catalog_warehouses', 'catalog_stock',
                             'catalog_reservations', 'catalog_settings', 'catalog_imports'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy store_isolation on %I
                          using (store_id = current_setting(''app.tenant_id'', true))
                          with check (store_id = current_setting(''app.tenant_id'', true))', t);
    end loop;
end
$$;

grant select, insert, update, delete on catalog_products, catalog_variants, catalog_warehouses, catalog_stock,
    catalog_reservations to ${appRole};
grant select, insert, update on catalog_settings, catalog_imports to ${appRole};
