-- depends_on: {{ ref('stg_raw__extractions') }}
{{
    config(
        materialized='incremental',
        unique_key='page_id',
        incremental_strategy='delete+insert',
        indexes=[{'columns': ['page_id']}, {'columns': ['loaded_at']}],
    )
}}
-- Every page version with the newest extractor version's record of it, and what that
-- record says: an event, no event, an error, or nothing yet (not extracted). The record
-- itself stays in raw.extractions (int_articles__newest fetches the winners' records).
-- Incremental: only pages fetched, or extracted, since the newest fetch or extraction the
-- table has seen (minus var incremental_lookback, for rows committed late) are recomputed.
with pages as (
    select * from {{ ref('stg_raw__pages') }}
    {% if is_incremental() %}
    where fetched_at > {{ loaded_watermark() }}
        or page_id in (
            select page_id from {{ ref('stg_raw__extractions') }}
            where extracted_at > {{ loaded_watermark() }}
        )
    {% endif %}
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
    extraction_error,
    case
        when extraction_id is null then 'not_extracted'
        when extraction_error is not null or jsonb_typeof(record) <> 'object' then 'extraction_error'
        when states_event_type or states_organizer or states_date or states_venue or states_count
            then 'event'
        else 'no_event'
    end as page_status,
    greatest(fetched_at, extracted_at) as loaded_at
from record_findings
