-- What the crawler needs to remember between runs, kept append-only like the rest of raw.

-- Validators of every response (pages, feeds, sitemaps, listings): the next request for
-- the URL is conditional (If-None-Match / If-Modified-Since).
alter table raw.fetch_log add column etag text;
alter table raw.fetch_log add column last_modified text;
create index fetch_log_url_idx on raw.fetch_log (source_id, url, fetch_id desc);

-- One row per source and run: increments start from the source's last complete run.
create table raw.crawl_runs (
    crawl_run_id bigserial primary key,
    run_id       text        not null,
    source_id    text        not null,
    started_at   timestamptz not null,
    finished_at  timestamptz not null default now(),
    since        timestamptz,          -- what the run asked for: changes after this (null: all)
    complete     boolean     not null, -- every listing was read: the next run may start here
    counts       jsonb       not null
);
create index crawl_runs_source_idx on raw.crawl_runs (source_id, started_at desc);
