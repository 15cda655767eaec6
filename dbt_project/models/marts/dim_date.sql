-- Calendar days with the Thai calendars analysts group by: Buddhist Era years, Thai month
-- names, the government fiscal year (October to September, named by the year it ends in)
-- and the school year (term 1 from 16 May, term 2 from 1 November, ending in March).
with days as (
    select * from {{ ref('int_dates__spine') }}
),

-- the month names of edunews.thai_calendar, through the thai_months seed made from it
thai_months as (
    select * from {{ ref('stg_seeds__thai_months') }}
),

calendar as (
    select
        date_day,
        extract(year from date_day)::integer as year,
        extract(month from date_day)::integer as month_number,
        extract(day from date_day)::integer as day_of_month,
        extract(isodow from date_day)::integer as iso_day_of_week,
        date_trunc('month', date_day)::date as month_start
    from days
),

school_terms as (
    select
        *,
        case
            when month_number >= 5 and not (month_number = 5 and day_of_month < 16) then year
            else year - 1
        end as academic_year,
        case
            when (month_number = 5 and day_of_month >= 16) or month_number between 6 and 10 then 1
            when month_number >= 11 or month_number <= 3 then 2
        end as academic_term
    from calendar
)

select
    (year * 10000 + month_number * 100 + day_of_month) as date_key,
    date_day,
    year,
    year + 543 as year_be,
    month_number,
    thai_months.month_name_th,
    thai_months.month_abbr_th,
    month_start,
    day_of_month,
    iso_day_of_week,
    case when month_number >= 10 then year + 1 else year end as fiscal_year,
    case when month_number >= 10 then year + 1 else year end + 543 as fiscal_year_be,
    academic_year,
    academic_year + 543 as academic_year_be,
    academic_term
from school_terms
inner join thai_months using (month_number)
