-- For dashboards: what each office organised, month by month (by the event's date).
with events as (
    select * from {{ ref('fct_events') }}
    where office_key is not null and date_start is not null
),

dates as (
    select * from {{ ref('dim_date') }}
)

select
    {{ surrogate_key(['events.office_key', 'dates.month_start']) }} as office_month_key,
    events.office_key,
    dates.month_start,
    min(dates.year_be) as year_be,
    min(dates.month_name_th) as month_name_th,
    min(dates.fiscal_year) as fiscal_year,
    count(*)::integer as events,
    count(events.participant_count)::integer as events_with_participant_count,
    -- a count not stated is unknown, not 0: null when no event of the month states one
    sum(events.participant_count)::bigint as participants_stated,
    sum(events.persons_named)::bigint as persons_named,
    sum(events.schools_named)::bigint as schools_named
from events
inner join dates using (date_key)
group by events.office_key, dates.month_start
