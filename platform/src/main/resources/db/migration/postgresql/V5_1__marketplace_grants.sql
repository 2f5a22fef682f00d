-- Listings are platform-owned (developers' data, not any store's).
grant select, insert, update on listings to ${appRole};
grant select, update on platform_revisions to ${appRole};
