with event_types as (
    select * from {{ ref('event_types') }}
)

select
    code as event_type_code,
    name_th as event_type_name_th,
    name_en as event_type_name_en,
    cues
from event_types
