{{ config(materialized='incremental', indexes=[{'columns': ['event_key']}, {'columns': ['loaded_at']}]) }}
-- Incremental like the facts (macros/incremental.sql).
-- Every person an event's record names. One person across articles is one (given name,
-- family name) as the extractor normalised them (Thai spellings folded, honorifics
-- stripped: plugins/edunews/extract/RECORD.md): person_key.
with articles as (
    select * from {{ ref('int_articles__newest') }} as newest
    where article_status = 'event'
    {% if is_incremental() %}
        and {{ rebuilt_article('newest') }}
    {% endif %}
),

persons as (
    select
        articles.event_key,
        articles.loaded_at,
        listed.ordinality::integer as mention_no,
        listed.person
    from articles
    cross join lateral jsonb_array_elements(
        case when jsonb_typeof(articles.record -> 'persons') = 'array'
            then articles.record -> 'persons' else '[]'::jsonb end
    ) with ordinality as listed (person, ordinality)
    where jsonb_typeof(listed.person) = 'object'
),

named as (
    select
        event_key,
        loaded_at,
        mention_no,
        person ->> 'name' as name_as_written,
        person ->> 'honorific' as honorific,
        person ->> 'position' as position,
        person ->> 'organization' as organization,
        coalesce(person ->> 'role', 'unspecified') as role,
        nullif(person ->> 'given_name', '') as given_name,
        nullif(person ->> 'family_name', '') as family_name
    from persons
)

select
    event_key,
    loaded_at,
    mention_no,
    name_as_written,
    honorific,
    position,
    organization,
    role,
    concat_ws(' ', given_name, family_name) as full_name,
    given_name,
    family_name,
    {{ surrogate_key(['given_name', 'family_name']) }} as person_key
from named
where given_name is not null
