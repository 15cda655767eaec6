-- One row per reported event (one article = one event), keyed to its dimensions and
-- traceable to the page version and extractor version it came from.
with events as (
    select * from {{ ref('int_events__newest') }}
),

offices as (
    select * from {{ ref('dim_office') }}
)

select
    {{ surrogate_key(['events.article_url']) }} as event_key,
    events.date_start,
    events.date_end,
    case when events.date_start is not null
        then extract(year from events.date_start)::integer * 10000
            + extract(month from events.date_start)::integer * 100
            + extract(day from events.date_start)::integer
    end as date_key,
    offices.office_key,
    events.event_type,
    events.province,
    events.venue,
    events.participant_count,
    events.title,
    events.article_url as source_url,
    events.source_id,
    events.published_at,
    events.page_id,
    events.extraction_id,
    events.extractor_version
from events
left join offices
    on offices.office_kind = events.office_kind
    and offices.province is not distinct from events.office_province
    and offices.area_no is not distinct from events.office_area_no
