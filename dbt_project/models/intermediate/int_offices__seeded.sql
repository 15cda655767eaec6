-- The reference offices with their keys and the spellings they go by: the short name,
-- with and without spaces, and the long form (สำนักงานเขตพื้นที่การศึกษา...).
with offices as (
    select * from {{ ref('stg_seeds__offices') }}
),

offices_with_long_names as (
    select
        *,
        case office_kind
            when 'spp' then 'สำนักงานเขตพื้นที่การศึกษาประถมศึกษา'
            when 'spm' then 'สำนักงานเขตพื้นที่การศึกษามัธยมศึกษา'
        end
        || case
            when province is null then ' เขต ' || area_no
            else regexp_replace(office_name, '^สพ[ปม]\.\s*', '')
        end as long_name,
        case office_kind when 'spp' then 'สพป.' else 'สพม.' end as office_kind_abbr
    from offices
)

select
    {{ office_key('office_kind', 'province', 'area_no', 'office_name') }} as office_key,
    office_kind,
    province,
    area_no,
    office_name,
    provinces_served,
    era,
    website_2018,
    domains_seen,
    concat_ws(' | ',
        office_name,
        case when office_name ~ '^สพ[ปม]\.\S'
            then regexp_replace(office_name, '^(สพ[ปม]\.)', '\1 ') end,
        case when province is null then office_kind_abbr || area_no end,
        case when province is null then office_kind_abbr || ' เขต ' || area_no end,
        long_name
    ) as aliases,
    {{ office_alias_key('office_name') }} as alias_key,
    {{ office_alias_key('long_name') }} as long_alias_key
from offices_with_long_names
