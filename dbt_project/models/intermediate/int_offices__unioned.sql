-- Every office the warehouse knows: the seeded ones, plus offices first seen in the news
-- (the reference list is incomplete, e.g. most post-2021 secondary offices).
with seeded as (
    select * from {{ ref('stg_seeds__offices') }}
),

mentioned as (
    select
        office_kind,
        office_province as province,
        office_area_no as area_no,
        min(office_name_as_written) as office_name
    from {{ ref('int_events__newest') }}
    where office_kind is not null
    group by 1, 2, 3
),

first_seen_in_news as (
    select mentioned.*
    from mentioned
    left join seeded
        on seeded.office_kind = mentioned.office_kind
        and seeded.province is not distinct from mentioned.province
        and seeded.area_no is not distinct from mentioned.area_no
    where seeded.office_name is null
)

select
    office_kind,
    province,
    area_no,
    office_name,
    provinces_served,
    era,
    website_2018,
    true as is_seeded
from seeded

union all

select
    office_kind,
    province,
    area_no,
    office_name,
    null as provinces_served,
    null as era,
    null as website_2018,
    false as is_seeded
from first_seen_in_news
