with offices as (
    select * from {{ ref('int_offices__unioned') }}
)

select
    {{ surrogate_key(['office_kind', 'province', 'area_no']) }} as office_key,
    office_kind,
    province,
    area_no,
    office_name,
    provinces_served,
    era,
    website_2018,
    is_seeded
from offices
