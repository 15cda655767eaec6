-- The 42 numbered secondary areas (สพม. เขต 1–42) before the 2021 reform and the provinces
-- each served, from the extractor's gazetteer.
with areas as (
    select * from {{ ref('spm_areas_before_2021') }}
)

select
    area_no,
    provinces as provinces_served
from areas
