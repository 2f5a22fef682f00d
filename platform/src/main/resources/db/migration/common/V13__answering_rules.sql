-- Which installation answers a store's extension point (issue #10, part 5; docs/architecture.md,
-- "Who answers"). Store-owned: one row per rule, in order (position) per (store, point).
--
-- countries, currencies and method_codes are comma-separated tokens (validated codes; empty = any);
-- the amount band is min inclusive, max exclusive, in minor units of the rule's currencies;
-- installation_ids lists who answers in priority (one for a single-answer point; empty = nobody,
-- with the reason in vacated when a withdrawn installation left it so).
create table answering_rules (
    id               varchar(100)  primary key,
    store_id         varchar(36)   not null references stores (id),
    point            varchar(64)   not null,
    position         integer       not null,
    countries        varchar(1000) not null,
    currencies       varchar(1000) not null,
    method_codes     varchar(4000) not null,
    min_amount_minor bigint,
    max_amount_minor bigint,
    installation_ids varchar(1000) not null,
    vacated          varchar(500),
    updated_at       timestamp with time zone not null,
    constraint uq_answering_rules_position unique (store_id, point, position),
    constraint ck_answering_rules_position check (position >= 0),
    constraint ck_answering_rules_band check (
        (min_amount_minor is null or min_amount_minor >= 0)
        and (max_amount_minor is null or max_amount_minor >= 0)
        and (min_amount_minor is null or max_amount_minor is null or min_amount_minor < max_amount_minor))
);

-- Until now the first enabled installation of a point answered (a development build first, then
-- by plugin id). Every single-answer point keeps the installation that answered it as its default,
-- so upgrading changes no store's answers. (On PostgreSQL the owner sees no store's rows here,
-- row-level security being forced: V13_1 does the same per store.)
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
    where i.status = 'ENABLED' and r.status = 'AVAILABLE'
) chosen
where chosen.choice = 1;
