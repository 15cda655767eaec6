-- Events, stated participants and event types per Thai fiscal year (ปีงบประมาณ, Oct–Sep),
-- with the change from the year before. A participant count an article does not state is
-- unknown, not 0: participants_stated sums the counts that are stated (null when no event of
-- the year states one), and events_without_participant_count says how many events it misses.
with events as (
    select * from {{ ref('fct_events') }}
),

dates as (
    select * from {{ ref('dim_date') }}
),

per_year as (
    select
        dates.fiscal_year_be,
        count(*) as events,
        count(distinct events.office_key) as offices,
        sum(events.participant_count) as participants_stated,
        count(events.participant_count) as events_with_participant_count,
        count(*) - count(events.participant_count) as events_without_participant_count,
        count(*) filter (where events.event_type_code = 'workshop') as workshops,
        count(*) filter (where events.event_type_code = 'training') as trainings
    from events
    inner join dates using (date_key)
    group by dates.fiscal_year_be
)

select
    *,
    events - lag(events) over (order by fiscal_year_be) as events_change
from per_year
order by fiscal_year_be
