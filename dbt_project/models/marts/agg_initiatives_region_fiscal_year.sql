-- For dashboards: how many events served each programme, per region and fiscal year
-- (ปีงบประมาณ). The region is the event's province's, else the organising office's.
with initiatives as (
    select * from {{ ref('fct_event_initiatives') }}
),

events as (
    select * from {{ ref('fct_events') }}
    where date_key is not null
),

offices as (
    select * from {{ ref('dim_office') }}
),

provinces as (
    select * from {{ ref('dim_province') }}
),

dates as (
    select * from {{ ref('dim_date') }}
),

event_regions as (
    select
        events.event_key,
        events.office_key,
        dates.fiscal_year,
        coalesce(provinces.region_code, 'unknown') as region_code
    from events
    inner join dates using (date_key)
    left join offices using (office_key)
    left join provinces
        on provinces.province_name_th = coalesce(events.province, offices.province)
)

select
    {{ surrogate_key(['event_regions.region_code', 'event_regions.fiscal_year', 'initiatives.initiative_code']) }} as region_year_initiative_key,
    event_regions.region_code,
    event_regions.fiscal_year,
    event_regions.fiscal_year + 543 as fiscal_year_be,
    initiatives.initiative_key,
    initiatives.initiative_code,
    count(distinct initiatives.event_key)::integer as events,
    count(distinct event_regions.office_key)::integer as organising_offices
from initiatives
inner join event_regions using (event_key)
group by 1, 2, 3, 4, 5, 6
