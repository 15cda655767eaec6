-- Programmes and policies (โครงการ / นโยบาย) events serve, from the extractor's code list.
with initiatives as (
    select * from {{ ref('stg_seeds__initiatives') }}
)

select
    {{ surrogate_key(['initiative_code']) }} as initiative_key,
    initiative_code,
    initiative_name_th,
    initiative_name_en,
    aliases
from initiatives
