-- The marketplace (issue #4): listings owned by plugin developers, uploaded versions with their
-- check report and review state, and the permissions a store consented to.
create table listings (
    id               varchar(36)   primary key,
    plugin_id        varchar(64)   not null,
    symbolic_name    varchar(255),
    developer_id     varchar(64)   not null,
    developer_name   varchar(200)  not null,
    name             varchar(100)  not null,
    summary          varchar(300)  not null,
    descriptions     varchar(40000) not null,
    categories       varchar(500)  not null,
    kinds            varchar(200)  not null,
    countries        varchar(1000) not null,
    pricing_model    varchar(16)   not null,
    price_minor      bigint,
    price_currency   char(3),
    trial_days       integer       not null,
    support_email    varchar(320)  not null,
    support_url      varchar(500),
    status           varchar(16)   not null,
    status_reason    varchar(500),
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    version          bigint        not null,
    constraint uq_listings_plugin unique (plugin_id)
);
create index ix_listings_developer on listings (developer_id);

alter table plugin_releases add column listing_id varchar(36) references listings (id);
alter table plugin_releases add column validation_report varchar(200000);
alter table plugin_releases add column reviewed_by varchar(200);
alter table plugin_releases add column reviewed_at timestamp with time zone;
create index ix_plugin_releases_status on plugin_releases (status);

alter table plugin_installations add column consented_permissions varchar(4000);

-- A counter every node polls: a change to releases that all nodes must apply at once (a yank)
-- bumps it, and each node then drops its cached installations and unloads withdrawn bundles.
create table platform_revisions (
    name     varchar(32) primary key,
    revision bigint      not null
);
insert into platform_revisions (name, revision) values ('plugins', 0);
