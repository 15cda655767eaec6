-- The positions (ตำแหน่ง) people held as the articles state them, with the date of the
-- event each was stated for: one row per person x event x position stated.
with mentions as (
    select * from {{ ref('int_persons__mentions') }}
    where position is not null
),

events as (
    select event_key, date_start from {{ ref('int_events__newest') }}
),

distinct_positions as (
    select distinct
        mentions.person_key,
        mentions.event_key,
        mentions.position,
        mentions.organization,
        events.date_start
    from mentions
    left join events using (event_key)
)

select
    {{ surrogate_key(['person_key', 'event_key', 'position', 'organization']) }} as person_position_key,
    person_key,
    event_key,
    position,
    organization,
    date_start,
    case when date_start is not null then {{ date_key('date_start') }} end as date_key
from distinct_positions
