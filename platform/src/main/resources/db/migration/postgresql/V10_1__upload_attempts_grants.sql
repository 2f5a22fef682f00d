-- Upload attempts are platform-owned (developers' data, not any store's).
grant select, insert, delete on upload_attempts to ${appRole};
