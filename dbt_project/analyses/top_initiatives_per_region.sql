-- Which programmes did each region's events serve most (all years)? Top five per region.
with per_region as (
    select
        region_code,
        initiative_key,
        sum(events) as events
    from {{ ref('agg_initiatives_region_fiscal_year') }}
    group by region_code, initiative_key
),

ranked as (
    select
        *,
        rank() over (partition by region_code order by events desc) as rank_in_region
    from per_region
)

select
    ranked.region_code,
    ranked.rank_in_region,
    initiatives.initiative_name_en,
    initiatives.initiative_name_th,
    ranked.events
from ranked
inner join {{ ref('dim_initiative') }} as initiatives using (initiative_key)
where ranked.rank_in_region <= 5
order by ranked.region_code, ranked.rank_in_region, initiatives.initiative_name_en
