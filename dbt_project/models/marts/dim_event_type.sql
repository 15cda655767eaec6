-- The kinds of event (ประเภทกิจกรรม) the extractor assigns, from its own code list.
with event_types as (
    select * from {{ ref('stg_seeds__event_types') }}
)

select
    {{ surrogate_key(['event_type_code']) }} as event_type_key,
    event_type_code,
    event_type_name_th,
    event_type_name_en,
    cues
from event_types
