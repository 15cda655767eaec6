-- Every page version with the record of the newest extractor version that read it, and what
-- that record says: an event, no event, an error, or nothing yet (not extracted).
with pages as (
    select * from {{ ref('stg_raw__pages') }}
),

extractions as (
    select * from {{ ref('stg_raw__extractions') }}
),

pages_with_newest_extraction as (
    select
        pages.page_id,
        pages.article_url,
        pages.source_id,
        pages.url,
        pages.title,
        pages.published_at,
        pages.fetched_at,
        newest.extraction_id,
        newest.extractor_version,
        newest.extracted_at,
        newest.record,
        newest.extraction_error
    from pages
    left join lateral (
        select extractions.*
        from extractions
        where extractions.page_id = pages.page_id
        order by {{ version_array('extractions.extractor_version') }} desc, extractions.extracted_at desc
        limit 1
    ) as newest on true
),

-- What the record states of an event beyond the extractor's defaults: it writes event type
-- "other" when no cue matched and takes the publishing date when the text states none
-- (its evidence then says source published_at), so those two alone are not an event.
record_findings as (
    select
        *,
        coalesce(record -> 'event' ->> 'event_type', 'other') <> 'other' as states_event_type,
        jsonb_typeof(record -> 'event' -> 'organizer_office') = 'object' as states_organizer,
        record -> 'event' ->> 'date_start' is not null
            and (record #>> '{evidence,date_start,source}') is distinct from 'published_at'
            as states_date,
        record -> 'event' ->> 'venue' is not null as states_venue,
        record -> 'event' ->> 'participant_count' is not null as states_count
    from pages_with_newest_extraction
)

select
    page_id,
    article_url,
    source_id,
    url,
    title,
    published_at,
    fetched_at,
    extraction_id,
    extractor_version,
    extracted_at,
    record,
    extraction_error,
    case
        when extraction_id is null then 'not_extracted'
        when extraction_error is not null or jsonb_typeof(record) <> 'object' then 'extraction_error'
        when states_event_type or states_organizer or states_date or states_venue or states_count
            then 'event'
        else 'no_event'
    end as page_status
from record_findings
