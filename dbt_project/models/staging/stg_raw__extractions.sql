with extractions as (
    select * from {{ source('raw', 'extractions') }}
)

select
    extraction_id,
    page_id,
    extractor_version,
    extracted_at,
    record,
    record -> 'event' as event,
    record ->> 'error' as extraction_error
from extractions
