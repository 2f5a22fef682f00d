-- Claims are platform-owned: they exist before the store does, so they carry no store_id.
grant select, insert, update, delete on store_claims to ${appRole};
