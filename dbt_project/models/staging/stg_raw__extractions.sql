-- The extraction records the warehouse reads: those of extractor versions from var
-- min_extractor_version on, which carry the keys the warehouse joins on (a person's given
-- and family name, a school's match key, an office's id: plugins/edunews/extract/RECORD.md).
-- Older records are left out, not read half: raising the extractor version makes the
-- extract step write a new record for every page, and until it has run such a page counts
-- as not extracted.
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
where {{ version_array('extractor_version') }}
    >= {{ version_array("'" ~ var('min_extractor_version') ~ "'") }}
