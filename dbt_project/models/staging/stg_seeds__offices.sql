-- The offices seed: the 2018 obec.go.th list plus the post-2021 secondary offices known,
-- with the columns the extractor derives from it (plugins/edunews/extract/office_list.py):
-- office_id, the seat province an office is identified by (none for the numbered secondary
-- offices before 2021) and the spellings it goes by.
with offices as (
    select * from {{ ref('esa_offices') }}
)

select
    office_id,
    kind as office_kind,
    name as office_name,
    nullif(seat_province, '') as province,
    area_no,
    provinces as provinces_served,
    nullif(website_2018, '') as website_2018,
    nullif(domains_seen, '') as domains_seen,
    era,
    aliases
from offices
