{{ config(materialized='incremental', indexes=[{'columns': ['event_key']}, {'columns': ['loaded_at']}]) }}
-- Incremental like the facts (macros/incremental.sql).
-- Every school an event's record names. One school across articles is one match key, the
-- name without the word โรงเรียน, parentheses, spaces and dots as the extractor wrote it
-- (plugins/edunews/extract/RECORD.md): school_key; school_name is the name the record
-- gives (โรงเรียน + the name, ร.ร. expanded).
with articles as (
    select * from {{ ref('int_articles__newest') }} as newest
    where article_status = 'event'
    {% if is_incremental() %}
        and {{ rebuilt_article('newest') }}
    {% endif %}
),

schools as (
    select
        articles.event_key,
        articles.loaded_at,
        listed.ordinality::integer as mention_no,
        listed.school
    from articles
    cross join lateral jsonb_array_elements(
        case when jsonb_typeof(articles.record -> 'schools') = 'array'
            then articles.record -> 'schools' else '[]'::jsonb end
    ) with ordinality as listed (school, ordinality)
    where jsonb_typeof(listed.school) = 'object'
)

select
    event_key,
    loaded_at,
    mention_no,
    school ->> 'name' as name_as_written,
    school ->> 'name' as school_name,
    school ->> 'match_key' as match_name,
    coalesce(school ->> 'role', 'unspecified') as role,
    {{ surrogate_key(["school ->> 'match_key'"]) }} as school_key
from schools
where nullif(school ->> 'match_key', '') is not null
