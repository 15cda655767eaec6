-- What kinds of event happen in which school term (ปีการศึกษา / ภาคเรียน)?
with events as (
    select * from {{ ref('fct_events') }}
),

dates as (
    select * from {{ ref('dim_date') }}
),

event_types as (
    select * from {{ ref('dim_event_type') }}
)

select
    dates.academic_year_be,
    coalesce(dates.academic_term::text, 'break') as term,
    event_types.event_type_name_en,
    count(*) as events
from events
inner join dates using (date_key)
left join event_types using (event_type_key)
group by 1, 2, 3
order by 1, 2, events desc
