-- depends_on: {{ ref('int_articles__newest') }}
{{ config(materialized='incremental', indexes=[{'columns': ['event_key']}, {'columns': ['loaded_at']}]) }}
-- The positions (ตำแหน่ง) people held as the articles state them, with the date of the
-- event each was stated for: one row per person x event x position stated. Incremental
-- like the facts (macros/incremental.sql).
with mentions as (
    select * from {{ ref('int_persons__mentions') }} as mentions
    {{ only_rebuilt_articles('mentions') }}
),

-- materialized: see rebuilt_event_dates (macros/incremental.sql)
events as materialized ({{ rebuilt_event_dates() }}),

distinct_positions as (
    select distinct
        mentions.person_key,
        mentions.event_key,
        mentions.position,
        mentions.organization,
        events.date_start,
        events.date_key,
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
    date_key,
    loaded_at
from distinct_positions
