-- The fiscal year changes on 1 October and nowhere else; school terms never overlap.
with days as (
    select
        date_day,
        fiscal_year,
        lag(fiscal_year) over (order by date_day) as previous_fiscal_year
    from {{ ref('dim_date') }}
)

select date_day
from days
where previous_fiscal_year is not null
    and (fiscal_year <> previous_fiscal_year) <> (extract(month from date_day) = 10 and extract(day from date_day) = 1)
