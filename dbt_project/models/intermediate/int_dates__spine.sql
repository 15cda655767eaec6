-- Every calendar day the warehouse covers (vars dim_date_start, dim_date_end).
with days as (
    select day::date as date_day
    from generate_series(
        '{{ var("dim_date_start", "2010-01-01") }}'::date,
        '{{ var("dim_date_end", "2035-12-31") }}'::date,
        interval '1 day'
    ) as day
)

select date_day from days
