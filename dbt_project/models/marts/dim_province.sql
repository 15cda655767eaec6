-- The 77 provinces (จังหวัด) with their English names and region (ภาค).
with provinces as (
    select * from {{ ref('stg_seeds__provinces') }}
)

select
    {{ surrogate_key(['province_name_th']) }} as province_key,
    province_name_th,
    province_name_en,
    aliases,
    region_code,
    region_name_th,
    region_name_en
from provinces
