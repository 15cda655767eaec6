-- The reference offices with their keys. Their identity (office_id) and the spellings they
-- go by (aliases) come with the seed, derived by the extractor, which resolves mentions.
with offices as (
    select * from {{ ref('stg_seeds__offices') }}
)

select
    {{ office_key('office_kind', 'province', 'area_no', 'office_id') }} as office_key,
    office_id,
    office_kind,
    province,
    area_no,
    office_name,
    provinces_served,
    era,
    website_2018,
    domains_seen,
    aliases
from offices
