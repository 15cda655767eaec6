-- Which schools take part in the most events, under which office, and in what roles?
with participants as (
    select * from {{ ref('fct_event_participants') }}
    where participant_kind = 'school'
),

schools as (
    select * from {{ ref('dim_school') }}
),

offices as (
    select * from {{ ref('dim_office') }}
)

select
    schools.school_name,
    offices.office_name,
    schools.province,
    count(distinct participants.event_key) as events,
    string_agg(distinct participants.role_code, ', ') as roles,
    min(participants.date_start) as first_event,
    max(participants.date_start) as last_event
from participants
inner join schools using (school_key)
left join offices on offices.office_key = schools.office_key
group by schools.school_key, schools.school_name, offices.office_name, schools.province
order by events desc, schools.school_name
limit 100
