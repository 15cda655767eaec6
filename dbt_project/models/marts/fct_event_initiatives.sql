-- depends_on: {{ ref('int_articles__newest') }}
{{ config(materialized='incremental', indexes=[{'columns': ['event_key']}, {'columns': ['loaded_at']}]) }}
-- Which programmes and policies each event served: one row per event x initiative code,
-- with the names as written and the text the extractor matched (its evidence).
with initiatives as (
    select * from {{ ref('int_initiatives__mentions') }} as initiatives
    {{ only_rebuilt_articles('initiatives') }}
),

-- materialized: see rebuilt_event_dates (macros/incremental.sql)
events as materialized ({{ rebuilt_event_dates() }}),

per_event as (
    select
        event_key,
        initiative_code,
        min(loaded_at) as loaded_at,
        string_agg(distinct name_as_written, ' | ') as names_as_written,
        string_agg(distinct evidence, ' | ') as evidence,
        count(*)::integer as mentions
    from initiatives
    group by event_key, initiative_code
)

select
    {{ surrogate_key(['per_event.event_key', 'initiative_code']) }} as event_initiative_key,
    per_event.event_key,
    {{ surrogate_key(['initiative_code']) }} as initiative_key,
    initiative_code,
    names_as_written,
    evidence,
    mentions,
    events.date_start,
    events.date_key,
    loaded_at
from per_event
left join events using (event_key)
