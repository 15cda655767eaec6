-- Who presided over (chair) or reported at the most events, and in what position lately?
with participants as (
    select * from {{ ref('fct_event_participants') }}
    where participant_kind = 'person' and role_code in ('chair', 'reporter')
),

persons as (
    select * from {{ ref('dim_person') }}
)

select
    persons.full_name,
    persons.latest_position,
    count(distinct participants.event_key) filter (where participants.role_code = 'chair') as events_chaired,
    count(distinct participants.event_key) filter (where participants.role_code = 'reporter') as events_reported,
    count(distinct participants.event_key) as events
from participants
inner join persons using (person_key)
group by persons.person_key, persons.full_name, persons.latest_position
order by events desc, persons.full_name
limit 50
