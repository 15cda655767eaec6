-- depends_on: {{ ref('int_articles__newest') }}
{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='append_new_columns',
        post_hook=["{{ ensure_index(['event_key']) }}", "{{ ensure_index(['loaded_at']) }}"],
        pre_hook="{{ delete_rebuilt_articles() }}",
    )
}}
-- Which programmes and policies each event served: one row per event x initiative code,
-- with the names as written and the text the extractor matched (its evidence).
with initiatives as (
    select * from {{ ref('int_initiatives__mentions') }} as initiatives
    {{ only_rebuilt_articles('initiatives') }}
),

-- materialized: the planner expects one row from the rebuilt articles and would scan
-- int_articles__newest again for every row joined (115 s instead of 2 at 100,000 events)
events as materialized (
    select event_key, date_start from {{ ref('int_events__newest') }} as events
    {{ only_rebuilt_articles('events') }}
),

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
    case when events.date_start is not null then {{ date_key('events.date_start') }} end as date_key,
    loaded_at
from per_event
left join events using (event_key)
