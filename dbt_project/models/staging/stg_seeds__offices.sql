-- The offices seed: the 2018 obec.go.th list plus the post-2021 secondary offices known.
-- An office is identified by (kind, province, area_no), as the extractor normalises it:
-- old numbered secondary offices by number alone, the others by their seat province.
with offices as (
    select * from {{ ref('esa_offices') }}
)

select
    kind as office_kind,
    name as office_name,
    case
        when kind = 'spm' and era = 'before_2021' then null
        else split_part(provinces, ' ', 1)
    end as province,
    area_no,
    provinces as provinces_served,
    nullif(website_2018, '') as website_2018,
    nullif(domains_seen, '') as domains_seen,
    era
from offices
