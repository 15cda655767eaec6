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
)

select
    *,
    case
        when extraction_id is null then 'not_extracted'
        when extraction_error is not null or jsonb_typeof(record) <> 'object' then 'extraction_error'
        when jsonb_typeof(record -> 'event') = 'object'
            and (
                record -> 'event' ->> 'event_type' is not null
                or record -> 'event' ->> 'date_start' is not null
                or jsonb_typeof(record -> 'event' -> 'organizer_office') = 'object'
            )
            then 'event'
        else 'no_event'
    end as page_status
from pages_with_newest_extraction
