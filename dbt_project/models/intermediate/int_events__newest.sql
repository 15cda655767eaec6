-- The articles that report an event, with the event's fields unpacked from the record and
-- the organising office's natural key (kind, province, area_no).
with articles as (
    select * from {{ ref('int_articles__newest') }}
    where article_status = 'event'
)

select
    event_key,
    article_url,
    page_id,
    extraction_id,
    extractor_version,
    source_id,
    title,
    published_at,
    fetched_at,
    loaded_at,
    record -> 'event' ->> 'event_type' as event_type,
    (record -> 'event' ->> 'date_start')::date as date_start,
    (record -> 'event' ->> 'date_end')::date as date_end,
    record -> 'event' ->> 'venue' as venue,
    record -> 'event' ->> 'province' as province,
    (record -> 'event' ->> 'participant_count')::integer as participant_count,
    record -> 'event' -> 'organizer_office' ->> 'kind' as office_kind,
    record -> 'event' -> 'organizer_office' ->> 'province' as office_province,
    (record -> 'event' -> 'organizer_office' ->> 'area_no')::integer as office_area_no,
    record -> 'event' -> 'organizer_office' ->> 'name' as office_name_as_written,
    record -> 'event' -> 'organizer_office' ->> 'office_id' as office_id
from articles
