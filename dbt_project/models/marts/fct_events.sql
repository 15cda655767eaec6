-- depends_on: {{ ref('int_articles__newest') }}
{{ config(materialized='incremental', indexes=[{'columns': ['loaded_at']}]) }}
-- One row per reported event (one article = one event), keyed to its dimensions and
-- traceable to the page version and extractor version it came from. Incremental: the
-- articles rebuilt since the last build replace their rows (macros/incremental.sql).
with events as (
    select * from {{ ref('int_events__newest') }} as events
    {{ only_rebuilt_articles('events') }}
),

offices as (
    select * from {{ ref('int_offices__resolved') }}
),

provinces as (
    select * from {{ ref('dim_province') }}
),

persons_named as (
    select event_key, count(*) as persons_named
    from {{ ref('int_persons__mentions') }}
    where event_key in (select event_key from events)
    group by event_key
),

schools_named as (
    select event_key, count(*) as schools_named
    from {{ ref('int_schools__mentions') }}
    where event_key in (select event_key from events)
    group by event_key
),

initiatives_named as (
    select event_key, count(distinct initiative_code) as initiatives_named
    from {{ ref('int_initiatives__mentions') }}
    where event_key in (select event_key from events)
    group by event_key
)

select
    events.event_key,
    events.date_start,
    events.date_end,
    case when events.date_start is not null then {{ date_key('events.date_start') }} end as date_key,
    offices.office_key,
    case when events.event_type is not null then {{ surrogate_key(['events.event_type']) }} end
        as event_type_key,
    events.event_type as event_type_code,
    events.province,
    provinces.province_key,
    events.venue,
    events.participant_count,
    coalesce(persons_named.persons_named, 0)::integer as persons_named,
    coalesce(schools_named.schools_named, 0)::integer as schools_named,
    coalesce(initiatives_named.initiatives_named, 0)::integer as initiatives_named,
    events.title,
    events.article_url as source_url,
    events.source_id,
    {{ surrogate_key(['events.source_id']) }} as source_key,
    events.published_at,
    events.page_id,
    events.extraction_id,
    events.extractor_version,
    events.loaded_at
from events
left join offices
    on offices.office_id = events.office_id
left join provinces
    on provinces.province_name_th = events.province
left join persons_named
    on persons_named.event_key = events.event_key
left join schools_named
    on schools_named.event_key = events.event_key
left join initiatives_named
    on initiatives_named.event_key = events.event_key
