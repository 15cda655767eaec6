-- Which office each distinct office mention means. In order: the reference office with
-- the same (kind, province, area_no); for a primary office written "เขต 1" in a province
-- with a single area, that province's office; a reference office whose name, spelled any
-- way, is the name written; else an office first seen in the news, keyed by what was
-- written.
with mentions as (
    select
        office_kind,
        province,
        area_no,
        min(name_as_written) as name_as_written,
        min(provinces_stated) as provinces_stated
    from {{ ref('int_offices__mentions') }}
    group by 1, 2, 3,
        case when office_kind in ('moe', 'other') and province is null
            then {{ office_alias_key('name_as_written') }} end
),

seeded as (
    select * from {{ ref('int_offices__seeded') }}
),

single_area_provinces as (
    select province, min(office_key) as office_key
    from seeded
    where office_kind = 'spp'
    group by province
    having count(*) = 1 and max(area_no) is null
),

resolved as (
    select
        mentions.*,
        {{ office_key('mentions.office_kind', 'mentions.province', 'mentions.area_no', 'mentions.name_as_written') }} as mentioned_key,
        coalesce(
            exact.office_key,
            single_area.office_key,
            (select min(seeded.office_key) from seeded
             where seeded.office_kind = mentions.office_kind
                and {{ office_alias_key('mentions.name_as_written') }} in (seeded.alias_key, seeded.long_alias_key))
        ) as seeded_key
    from mentions
    left join seeded as exact
        on exact.office_kind = mentions.office_kind
        and exact.province is not distinct from mentions.province
        and exact.area_no is not distinct from mentions.area_no
    left join single_area_provinces as single_area
        on mentions.office_kind = 'spp'
        and single_area.province = mentions.province
        and coalesce(mentions.area_no, 1) = 1
)

select
    office_kind,
    province,
    area_no,
    name_as_written,
    provinces_stated,
    mentioned_key,
    coalesce(seeded_key, mentioned_key) as office_key,
    seeded_key is not null as is_seeded
from resolved
