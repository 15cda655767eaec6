-- The sites pages come from (one registry entry each), with what was landed from them.
-- Every source asked at least once is here, even one that never answered. Request counts
-- are not: they grow every night whether anything changed or not, and a mart rebuilt from
-- the same pages must stay the same (raw.fetch_log and raw.run_reports have them).
with pages as (
    select * from {{ ref('stg_raw__pages') }}
),

fetch_log as (
    select * from {{ ref('stg_raw__fetch_log') }}
),

page_counts as (
    select
        source_id,
        min(substring(url from '^[a-z]+://([^/:?#]+)')) as host,
        count(*) as page_versions,
        count(distinct article_url) as articles,
        min(fetched_at) as first_fetched_at,
        max(fetched_at) as last_fetched_at
    from pages
    group by source_id
),

requested_sources as (
    select distinct source_id from fetch_log
),

sources as (
    select source_id from page_counts
    union
    select source_id from requested_sources
)

select
    {{ surrogate_key(['sources.source_id']) }} as source_key,
    sources.source_id,
    page_counts.host,
    coalesce(page_counts.page_versions, 0)::integer as page_versions,
    coalesce(page_counts.articles, 0)::integer as articles,
    page_counts.first_fetched_at,
    page_counts.last_fetched_at
from sources
left join page_counts using (source_id)
