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
-- The positions (ตำแหน่ง) people held as the articles state them, with the date of the
-- event each was stated for: one row per person x event x position stated. Incremental
-- like the facts (macros/incremental.sql).
with mentions as (
    select * from {{ ref('int_persons__mentions') }} as mentions
    {{ only_rebuilt_articles('mentions') }}
),

-- materialized: the planner expects one row from the rebuilt articles and would scan
-- int_articles__newest again for every row joined (115 s instead of 2 at 100,000 events)
events as materialized (
    select event_key, date_start from {{ ref('int_events__newest') }} as events
    {{ only_rebuilt_articles('events') }}
),

distinct_positions as (
    select distinct
        mentions.person_key,
        mentions.event_key,
        mentions.position,
        mentions.organization,
        events.date_start,
        mentions.loaded_at
    from mentions
    left join events using (event_key)
    where mentions.position is not null
)

select
    {{ surrogate_key(['person_key', 'event_key', 'position', 'organization']) }} as person_position_key,
    person_key,
    event_key,
    position,
    organization,
    date_start,
    case when date_start is not null then {{ date_key('date_start') }} end as date_key,
    loaded_at
from distinct_positions
