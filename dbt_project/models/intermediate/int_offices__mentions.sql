{{ config(materialized='incremental', indexes=[{'columns': ['event_key']}, {'columns': ['loaded_at']}]) }}
-- Incremental like the facts (macros/incremental.sql).
-- Every office an event's record names: its organiser (role organizer) and each entry of
-- the record's office list (with the role stated there), as written, with the office the
-- extractor resolved it to (office_id, office_name: plugins/edunews/extract/RECORD.md).
with articles as (
    select * from {{ ref('int_articles__newest') }} as newest
    where article_status = 'event'
    {% if is_incremental() %}
        and {{ rebuilt_article('newest') }}
    {% endif %}
),

organizers as (
    select
        event_key,
        loaded_at,
        0 as mention_no,
        'organizer' as role,
        record -> 'event' -> 'organizer_office' as office
    from articles
    where jsonb_typeof(record -> 'event' -> 'organizer_office') = 'object'
),

listed_offices as (
    select
        articles.event_key,
        articles.loaded_at,
        listed.ordinality::integer as mention_no,
        coalesce(listed.office ->> 'role', 'unspecified') as role,
        listed.office
    from articles
    cross join lateral jsonb_array_elements(
        case when jsonb_typeof(articles.record -> 'offices') = 'array'
            then articles.record -> 'offices' else '[]'::jsonb end
    ) with ordinality as listed (office, ordinality)
    where jsonb_typeof(listed.office) = 'object'
),

mentions as (
    select * from organizers
    union all
    select * from listed_offices
)

select
    event_key,
    loaded_at,
    mention_no,
    role,
    office ->> 'kind' as office_kind,
    office ->> 'province' as province,
    (office ->> 'area_no')::integer as area_no,
    office ->> 'office_id' as office_id,
    office ->> 'office_name' as office_name,
    office ->> 'name' as name_as_written,
    case when jsonb_typeof(office -> 'provinces') = 'array'
        then (select string_agg(p, ' ' order by n)
              from jsonb_array_elements_text(office -> 'provinces') with ordinality as x (p, n))
    end as provinces_stated
from mentions
where office ->> 'office_id' is not null
