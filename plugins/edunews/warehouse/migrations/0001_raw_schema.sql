-- The raw layer: what the crawler saw, append-only. Nothing here is updated in place.
create schema if not exists raw;

create table raw.pages (
    page_id         bigserial primary key,
    source_id       text        not null,
    url             text        not null,
    canonical_url   text,
    fetched_at      timestamptz not null default now(),
    http_status     integer,
    charset         text,
    html            text,
    title           text,
    body_text       text,
    published_at    timestamptz,
    content_sha256  text        not null,
    etag            text,
    last_modified   text
);
-- One row per distinct content of a URL: the loader compares with the URL's newest row
-- (content may change back to an earlier version, so (url, sha) is not unique).
create index pages_url_idx on raw.pages (url, fetched_at desc);
create index pages_source_idx on raw.pages (source_id, fetched_at);

create table raw.fetch_log (
    fetch_id     bigserial primary key,
    run_id       text        not null,
    source_id    text        not null,
    url          text        not null,
    requested_at timestamptz not null default now(),
    outcome      text        not null,
    http_status  integer,
    reason       text,
    elapsed_ms   integer,
    page_id      bigint references raw.pages (page_id)
);
create index fetch_log_run_idx on raw.fetch_log (run_id);
create index fetch_log_source_idx on raw.fetch_log (source_id, requested_at);

create table raw.extractions (
    extraction_id     bigserial primary key,
    page_id           bigint      not null references raw.pages (page_id),
    extractor_version text        not null,
    extracted_at      timestamptz not null default now(),
    record            jsonb       not null,
    unique (page_id, extractor_version)
);
