-- The 77 provinces: names and aliases from the extractor's gazetteer (one copy of the list),
-- regions from our own seed.
with provinces as (
    select * from {{ ref('provinces') }}
),

regions as (
    select * from {{ ref('province_regions') }}
)

select
    provinces.name_th as province_name_th,
    provinces.name_en as province_name_en,
    nullif(provinces.aliases, '') as aliases,
    regions.region_code,
    regions.region_name_th,
    regions.region_name_en
from provinces
left join regions
    on regions.province_name_th = provinces.name_th
