-- A slug being onboarded right now. Onboarding inserts its claim before it calls Keycloak, so two
-- requests for one slug (on one node or several) never both provision identity: the second finds
-- the claim and is told to retry. The row is removed in the transaction that registers the store,
-- or when the attempt gives up; a claim older than caravan.onboarding.claim-expiry-seconds belongs
-- to an attempt that died and may be taken over. What that attempt left in Keycloak is adopted or
-- removed by the attempt that takes over.
create table store_claims (
    slug       varchar(63) primary key,
    claim_id   varchar(36) not null,
    claimed_at timestamp with time zone not null
);
