-- Reviews are read by everyone (the catalog of every store, the listing's developer) but written
-- only by the store that owns the row: the second wall (V1_1) for writes, open reads.
alter table listing_reviews enable row level security;
alter table listing_reviews force row level security;
create policy public_read on listing_reviews for select using (true);
create policy store_insert on listing_reviews for insert
    with check (store_id = current_setting('app.tenant_id', true));
create policy store_update on listing_reviews for update
    using (store_id = current_setting('app.tenant_id', true))
    with check (store_id = current_setting('app.tenant_id', true));
create policy store_delete on listing_reviews for delete
    using (store_id = current_setting('app.tenant_id', true));

-- A store withdraws its review: delete is granted, and the policy above limits it to its own row.
grant select, insert, update, delete on listing_reviews to ${appRole};
