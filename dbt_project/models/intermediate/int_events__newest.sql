-- One row per article: the newest extracted version of each URL, with the record of the
-- newest extractor version that read it. Older page versions and extractions stay in raw.
with pages as (
    select * from {{ ref('stg_raw__pages') }}
),

extractions as (
    select * from {{ ref('stg_raw__extractions') }}
    where extraction_error is null
),

newest_extraction_per_page as (
    select
        *,
        row_number() over (
            partition by page_id
            order by
                string_to_array(regexp_replace(extractor_version, '[^0-9.]', '', 'g'), '.')::int[] desc,
                extracted_at desc
        ) as extraction_rank
    from extractions
),

extracted_pages as (
    select
        pages.*,
        newest.extraction_id,
        newest.extractor_version,
        newest.event,
        row_number() over (
            partition by pages.article_url
            order by pages.fetched_at desc, pages.page_id desc
        ) as version_rank
    from pages
    inner join newest_extraction_per_page as newest
        on newest.page_id = pages.page_id and newest.extraction_rank = 1
)

select
    page_id,
    extraction_id,
    extractor_version,
    source_id,
    article_url,
    title,
    published_at,
    fetched_at,
    event ->> 'event_type' as event_type,
    (event ->> 'date_start')::date as date_start,
    (event ->> 'date_end')::date as date_end,
    event ->> 'venue' as venue,
    event ->> 'province' as province,
    (event ->> 'participant_count')::integer as participant_count,
    event -> 'organizer_office' ->> 'kind' as office_kind,
    event -> 'organizer_office' ->> 'province' as office_province,
    (event -> 'organizer_office' ->> 'area_no')::integer as office_area_no,
    event -> 'organizer_office' ->> 'name' as office_name_as_written
from extracted_pages
where version_rank = 1
