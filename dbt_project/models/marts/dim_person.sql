-- One row per person across articles: the same normalised given and family name is the
-- same person (two people of the same name are one row; a misspelt name is two).
with mentions as (
    select * from {{ ref('int_persons__mentions') }}
),

positions as (
    select * from {{ ref('fct_person_positions') }}
),

events as (
    select event_key, date_start from {{ ref('fct_events') }}
),

latest_positions as (
    select distinct on (person_key)
        person_key,
        position,
        organization,
        date_start
    from positions
    order by person_key, date_start desc nulls last, event_key
),

per_person as (
    select
        mentions.person_key,
        min(mentions.full_name) as full_name,
        min(mentions.given_name) as given_name,
        min(mentions.family_name) as family_name,
        string_agg(distinct mentions.honorific, ' | ') as honorifics,
        count(distinct mentions.event_key)::integer as events_named_in,
        min(events.date_start) as first_event_date,
        max(events.date_start) as last_event_date
    from mentions
    left join events using (event_key)
    group by mentions.person_key
)

select
    per_person.person_key,
    per_person.full_name,
    per_person.given_name,
    per_person.family_name,
    per_person.honorifics,
    latest_positions.position as latest_position,
    latest_positions.organization as latest_organization,
    per_person.events_named_in,
    per_person.first_event_date,
    per_person.last_event_date
from per_person
left join latest_positions using (person_key)
