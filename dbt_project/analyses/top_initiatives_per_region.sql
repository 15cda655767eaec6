-- Which programmes did each region's events serve most (all years)? Five per region, never
-- more: position 1-5 orders by events, then by initiative code, so a tie at the cut is
-- broken alphabetically by code, the same way every run. rank_in_region is the honest rank
-- (equal event counts share it): a row whose rank_in_region equals the next one's is tied,
-- and initiatives tied with the fifth may be left out (tied_beyond_fifth says how many).
with per_region as (
    select
        region_code,
        initiative_key,
        initiative_code,
        sum(events) as events
    from {{ ref('agg_initiatives_region_fiscal_year') }}
    group by region_code, initiative_key, initiative_code
),

ranked as (
    select
        *,
        row_number() over (partition by region_code order by events desc, initiative_code) as position,
        rank() over (partition by region_code order by events desc) as rank_in_region
    from per_region
),

left_out_ties as (
    select
        fifth.region_code,
        count(*) as tied_beyond_fifth
    from ranked as fifth
    inner join ranked as beyond
        on beyond.region_code = fifth.region_code
        and beyond.events = fifth.events
        and beyond.position > 5
    where fifth.position = 5
    group by fifth.region_code
)

select
    ranked.region_code,
    ranked.position,
    ranked.rank_in_region,
    ranked.initiative_code,
    initiatives.initiative_name_en,
    initiatives.initiative_name_th,
    ranked.events,
    coalesce(left_out_ties.tied_beyond_fifth, 0) as tied_beyond_fifth
from ranked
inner join {{ ref('dim_initiative') }} as initiatives using (initiative_key)
left join left_out_ties using (region_code)
where ranked.position <= 5
order by ranked.region_code, ranked.position
