-- Every office: the reference list plus offices first seen in the news, with the names
-- they go by and, for secondary offices, their side of the 2021 reform.
with offices as (
    select * from {{ ref('int_offices__unioned') }}
),

provinces as (
    select * from {{ ref('dim_province') }}
),

reform as (
    select * from {{ ref('int_offices__reform_2021') }}
),

successors as (
    select old_office_key as office_key, string_agg(new_office_name, ' | ' order by new_office_name) as names
    from reform
    group by 1
),

predecessors as (
    select new_office_key as office_key, string_agg(old_office_name, ' | ' order by old_office_name) as names
    from reform
    group by 1
)

select
    offices.office_key,
    offices.office_kind,
    offices.province,
    provinces.province_key,
    offices.area_no,
    offices.office_name,
    offices.aliases,
    offices.provinces_served,
    offices.era,
    successors.names as reformed_into,
    predecessors.names as reformed_from,
    offices.website_2018,
    offices.is_seeded
from offices
left join provinces
    on provinces.province_name_th = offices.province
left join successors using (office_key)
left join predecessors using (office_key)
