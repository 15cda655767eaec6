-- Every office the warehouse knows: the reference offices, plus offices first seen in the
-- news (the reference list is incomplete, e.g. most post-2021 secondary offices).
with seeded as (
    select * from {{ ref('int_offices__seeded') }}
),

first_seen_in_news as (
    select
        office_key,
        min(office_kind) as office_kind,
        min(province) as province,
        min(area_no) as area_no,
        min(office_name) as office_name,
        coalesce(min(provinces_stated), min(province)) as provinces_served
    from {{ ref('int_offices__resolved') }}
    where not is_seeded
    group by office_key
)

select
    office_key,
    office_kind,
    province,
    area_no,
    office_name,
    provinces_served,
    era,
    website_2018,
    aliases,
    true as is_seeded
from seeded

union all

select
    office_key,
    office_kind,
    province,
    area_no,
    office_name,
    provinces_served,
    case when office_kind = 'spm' and province is not null then 'since_2021' end as era,
    null as website_2018,
    office_name as aliases,
    false as is_seeded
from first_seen_in_news
