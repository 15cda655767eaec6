-- How many events did each office organise per month (Buddhist Era year, Thai month)?
with activity as (
    select * from {{ ref('agg_office_activity_monthly') }}
),

offices as (
    select * from {{ ref('dim_office') }}
)

select
    offices.office_name,
    activity.year_be,
    activity.month_name_th,
    activity.month_start,
    activity.events,
    activity.participants_stated,
    activity.events_with_participant_count
from activity
inner join offices using (office_key)
order by activity.month_start desc, activity.events desc, offices.office_name
