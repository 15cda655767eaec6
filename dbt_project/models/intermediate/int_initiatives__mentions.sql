{{ config(materialized='incremental', indexes=[{'columns': ['event_key']}, {'columns': ['loaded_at']}]) }}
-- Incremental like the facts (macros/incremental.sql).
-- Every programme or policy an event's record names, by code (other for local programmes
-- not in the list), with the name as written and the text that matched.
with articles as (
    select * from {{ ref('int_articles__newest') }} as newest
    where article_status = 'event'
    {% if is_incremental() %}
        and {{ rebuilt_article('newest') }}
    {% endif %}
),

initiatives as (
    select
        articles.event_key,
        articles.loaded_at,
        listed.ordinality::integer as mention_no,
        listed.initiative
    from articles
    cross join lateral jsonb_array_elements(
        case when jsonb_typeof(articles.record -> 'initiatives') = 'array'
            then articles.record -> 'initiatives' else '[]'::jsonb end
    ) with ordinality as listed (initiative, ordinality)
    where jsonb_typeof(listed.initiative) = 'object'
)

select
    event_key,
    loaded_at,
    mention_no,
    coalesce(initiative ->> 'code', 'other') as initiative_code,
    initiative ->> 'name' as name_as_written,
    initiative ->> 'evidence' as evidence
from initiatives
