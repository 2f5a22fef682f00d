-- Answering rules are store-owned: the same second wall as V1_1.
alter table answering_rules enable row level security;
alter table answering_rules force row level security;
create policy store_isolation on answering_rules
    using (store_id = current_setting('app.tenant_id', true))
    with check (store_id = current_setting('app.tenant_id', true));

grant select, insert, update, delete on answering_rules to ${appRole};

-- V13's carry-over of who answered, store by store: the owner sees a store's installations only
-- with that store set, row-level security being forced on them too.
do $$
declare
    s record;
begin
    for s in select id from stores loop
        perform set_config('app.tenant_id', s.id, true);
        insert into answering_rules (id, store_id, point, position, countries, currencies, method_codes,
                                     min_amount_minor, max_amount_minor, installation_ids, vacated, updated_at)
        select chosen.installation_id || '/' || chosen.point, chosen.store_id, chosen.point, 0, '', '', '',
               null, null, chosen.installation_id, null, current_timestamp
        from (
            select i.id as installation_id, i.store_id, p.point,
                   row_number() over (
                       partition by i.store_id, p.point
                       order by case when r.origin = 'DEVELOPMENT' then 0 else 1 end, i.plugin_id) as choice
            from plugin_installations i
            join plugin_releases r on r.id = i.release_id
            join (values ('TAX_CALCULATOR'), ('MEMBERSHIP_TIERS'), ('MEMBERSHIP_POINTS'), ('MEMBERSHIP_DISCOUNTS'),
                         ('AFFILIATE_ATTRIBUTION'), ('AFFILIATE_COMMISSIONS'), ('AFFILIATE_REVERSALS'),
                         ('RETURN_ELIGIBILITY'), ('RETURN_AUTHORIZATION'), ('RETURN_REFUNDS')) as p (point)
              on r.descriptor like '%"' || p.point || '"%'
            where i.store_id = s.id and i.status = 'ENABLED' and r.status = 'AVAILABLE'
        ) chosen
        where chosen.choice = 1
          and not exists (select 1 from answering_rules a where a.store_id = chosen.store_id and a.point = chosen.point);
    end loop;
    perform set_config('app.tenant_id', '', true);
end
$$;
