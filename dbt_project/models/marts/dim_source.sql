-- The sites pages come from (one registry entry each), with what was fetched from them.
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

request_counts as (
    select
        source_id,
        count(*) as requests,
        count(*) filter (where outcome in ('http_error', 'network_error', 'parse_error')) as failed_requests,
        max(requested_at) as last_requested_at
    from fetch_log
    group by source_id
),

sources as (
    select source_id from page_counts
    union
    select source_id from request_counts
)

select
    {{ surrogate_key(['sources.source_id']) }} as source_key,
    sources.source_id,
    page_counts.host,
    coalesce(page_counts.page_versions, 0)::integer as page_versions,
    coalesce(page_counts.articles, 0)::integer as articles,
    page_counts.first_fetched_at,
    page_counts.last_fetched_at,
    coalesce(request_counts.requests, 0)::integer as requests,
    coalesce(request_counts.failed_requests, 0)::integer as failed_requests,
    request_counts.last_requested_at
from sources
left join page_counts using (source_id)
left join request_counts using (source_id)
