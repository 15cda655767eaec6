-- Every page version in raw.pages is behind exactly one row of fct_events or in
-- fct_rejected_pages, never both, never neither. Returns the pages that break this.
with pages as (
    select page_id from {{ ref('stg_raw__pages') }}
),

in_events as (
    select page_id, count(*) as times from {{ ref('fct_events') }} group by page_id
),

in_rejects as (
    select page_id, count(*) as times from {{ ref('fct_rejected_pages') }} group by page_id
)

select
    pages.page_id,
    coalesce(in_events.times, 0) as times_in_events,
    coalesce(in_rejects.times, 0) as times_in_rejects
from pages
left join in_events using (page_id)
left join in_rejects using (page_id)
where coalesce(in_events.times, 0) + coalesce(in_rejects.times, 0) <> 1
