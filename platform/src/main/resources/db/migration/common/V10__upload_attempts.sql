-- Every upload a developer sent, for the per-developer upload rate (platform-owned; counted here,
-- not in memory, so that every node sees the same count).
create table upload_attempts (
    id           varchar(36)  primary key,
    developer_id varchar(64)  not null,
    plugin_id    varchar(64)  not null,
    size_bytes   bigint       not null,
    attempted_at timestamp with time zone not null
);
create index ix_upload_attempts_developer on upload_attempts (developer_id, attempted_at);
