with initiatives as (
    select * from {{ ref('initiatives') }}
)

select
    code as initiative_code,
    name_th as initiative_name_th,
    name_en as initiative_name_en,
    aliases
from initiatives
