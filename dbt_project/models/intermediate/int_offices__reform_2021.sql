-- The 2021 secondary-office reform: the 42 numbered สพม. (เขต 1–42) were replaced by 62
-- offices named by province. An old office maps to each new one serving a province it
-- served; new offices not yet known (not seeded, never seen in the news) map to nothing.
with offices as (
    select * from {{ ref('int_offices__unioned') }}
    where office_kind = 'spm'
),

areas as (
    select * from {{ ref('stg_seeds__spm_areas_before_2021') }}
),

old_offices as (
    select
        offices.office_key,
        offices.office_name,
        unnest(string_to_array(coalesce(areas.provinces_served, offices.provinces_served), ' ')) as province
    from offices
    left join areas using (area_no)
    where offices.province is null and offices.area_no is not null
),

new_offices as (
    select
        office_key,
        office_name,
        unnest(string_to_array(coalesce(provinces_served, province), ' ')) as province
    from offices
    where province is not null
)

select
    old_offices.office_key as old_office_key,
    new_offices.office_key as new_office_key,
    min(old_offices.office_name) as old_office_name,
    min(new_offices.office_name) as new_office_name,
    string_agg(distinct old_offices.province, ' ') as shared_provinces
from old_offices
inner join new_offices using (province)
group by 1, 2
