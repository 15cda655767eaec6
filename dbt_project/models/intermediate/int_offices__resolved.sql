-- Which office each office mentioned means. The extractor resolved every mention to an
-- office_id (plugins/edunews/extract/office_list.py: the reference office with the same
-- kind, province and area; "เขต 1" of a single-area province; a reference office whose name,
-- spelled any way, is the one written; else an office first seen in the news, identified by
-- what was written). Here each office_id gets its key: a reference office's, else its own.
with mentions as (
    select
        office_id,
        min(office_kind) as office_kind,
        min(province) as province,
        min(area_no) as area_no,
        min(office_name) as office_name,
        min(provinces_stated) as provinces_stated
    from {{ ref('int_offices__mentions') }}
    group by office_id
),

seeded as (
    select office_id, office_key from {{ ref('int_offices__seeded') }}
)

select
    mentions.office_id,
    mentions.office_kind,
    mentions.province,
    mentions.area_no,
    mentions.office_name,
    mentions.provinces_stated,
    coalesce(
        seeded.office_key,
        {{ office_key('mentions.office_kind', 'mentions.province', 'mentions.area_no', 'mentions.office_id') }}
    ) as office_key,
    seeded.office_key is not null as is_seeded
from mentions
left join seeded using (office_id)
