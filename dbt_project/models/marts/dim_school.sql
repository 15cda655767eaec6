-- One row per school (โรงเรียน) named in the news: names normalised, with the office and
-- province the school most often appears under (the organising office of the events that
-- name it, when that is a primary or secondary area office).
with mentions as (
    select * from {{ ref('int_schools__mentions') }}
),

events as (
    select * from {{ ref('fct_events') }}
),

offices as (
    select * from {{ ref('dim_office') }}
),

spellings as (
    select school_key, school_name, count(*) as times
    from mentions
    group by 1, 2
),

usual_names as (
    select distinct on (school_key) school_key, school_name
    from spellings
    order by school_key, times desc, school_name
),

area_offices as (
    select
        mentions.school_key,
        offices.office_key,
        offices.province,
        count(*) as times
    from mentions
    inner join events using (event_key)
    inner join offices using (office_key)
    where offices.office_kind in ('spp', 'spm')
    group by 1, 2, 3
),

usual_offices as (
    select distinct on (school_key) school_key, office_key, province
    from area_offices
    order by school_key, times desc, office_key
),

per_school as (
    select
        mentions.school_key,
        count(distinct mentions.event_key)::integer as events_named_in,
        count(distinct mentions.school_name)::integer as spellings,
        min(events.date_start) as first_event_date,
        max(events.date_start) as last_event_date
    from mentions
    left join events using (event_key)
    group by mentions.school_key
)

select
    per_school.school_key,
    usual_names.school_name,
    usual_offices.office_key,
    usual_offices.province,
    per_school.events_named_in,
    per_school.spellings,
    per_school.first_event_date,
    per_school.last_event_date
from per_school
inner join usual_names using (school_key)
left join usual_offices using (school_key)
