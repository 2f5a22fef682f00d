-- Secret configuration fields of an installation, sealed with AES-256-GCM (SecretBox) and bound
-- to the store and installation; the configuration column never holds them.
alter table plugin_installations add column secrets varchar(65536);
