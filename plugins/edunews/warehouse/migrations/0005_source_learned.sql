-- What discovery learned about each source (`auto` exploring a site nobody described): its
-- article URL shapes, its listing pages, the way that worked. The next night goes straight
-- to the listings. Append-only like the rest of raw: the newest row per source counts.
create table raw.source_learned (
    learned_id bigserial primary key,
    source_id  text        not null,
    run_id     text        not null,
    updated_at timestamptz not null default now(),
    learned    jsonb       not null
);
create index source_learned_idx on raw.source_learned (source_id, learned_id desc);
