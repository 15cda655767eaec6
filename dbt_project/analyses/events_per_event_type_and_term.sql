-- What kinds of event happen in which school term (ปีการศึกษา / ภาคเรียน)?
select
    dates.academic_year_be,
    coalesce(dates.academic_term::text, 'break') as term,
    types.event_type_name_en,
    count(*) as events
from {{ ref('fct_events') }} as events
inner join {{ ref('dim_date') }} as dates using (date_key)
left join {{ ref('dim_event_type') }} as types using (event_type)
group by 1, 2, 3
order by 1, 2, events desc
