-- Trust tiers: only a version a platform admin certified runs in the platform's JVM; every other
-- version runs in sandbox worker processes. First-party plugins are certified.
alter table plugin_releases add column certified boolean default false not null;
alter table plugin_releases add column certified_by varchar(200);
alter table plugin_releases add column certified_at timestamp with time zone;
update plugin_releases set certified = true where origin = 'FIRST_PARTY';
