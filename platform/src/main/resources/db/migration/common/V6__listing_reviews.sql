-- Ratings and reviews (issue #4): one per store per listing, written by the store's owner while the
-- store has the plugin installed. A review is a public statement about a plugin, so the table is
-- platform-owned: every store's catalog and the listing's developer read it. store_id records who
-- wrote it (never shown to anyone else); on PostgreSQL only the store bound to the transaction may
-- write its rows (V6_1).
create table listing_reviews (
    id          varchar(36)   primary key,
    listing_id  varchar(36)   not null references listings (id),
    plugin_id   varchar(64)   not null,
    store_id    varchar(36)   not null references stores (id),
    stars       integer       not null,
    title       varchar(120),
    body        varchar(2000),
    author      varchar(255)  not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint        not null,
    constraint uq_listing_reviews_store unique (listing_id, store_id),
    constraint ck_listing_reviews_stars check (stars between 1 and 5)
);
create index ix_listing_reviews_recent on listing_reviews (listing_id, updated_at);
create index ix_listing_reviews_store on listing_reviews (store_id);

-- The rating, kept on the listing and moved by atomic deltas in the review's transaction: the
-- catalog filters and shows it without reading the reviews.
alter table listings add column rating_count bigint default 0 not null;
alter table listings add column rating_sum bigint default 0 not null;
alter table listings add constraint ck_listings_rating
    check (rating_count >= 0 and rating_sum >= rating_count and rating_sum <= 5 * rating_count);
