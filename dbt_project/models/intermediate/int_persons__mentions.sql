{{ config(materialized='incremental', indexes=[{'columns': ['event_key']}, {'columns': ['loaded_at']}]) }}
-- Incremental like the facts (macros/incremental.sql).
-- Every person an event's record names, with the name made comparable (Thai spelling
-- variants, white space, a leading honorific) and split into given and family name. One
-- person across articles is one normalised (given name, family name): person_key.
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

normalized as (
    select
        event_key,
        loaded_at,
        mention_no,
        person ->> 'name' as name_as_written,
        {{ normalize_thai("person ->> 'honorific'") }} as honorific,
        {{ normalize_thai("person ->> 'position'") }} as position,
        {{ normalize_thai("person ->> 'organization'") }} as organization,
        coalesce(person ->> 'role', 'unspecified') as role,
        {{ normalize_person_name("person ->> 'name'") }} as full_name
    from persons
),

split_names as (
    select
        *,
        split_part(full_name, ' ', 1) as given_name,
        nullif(regexp_replace(full_name, '^\S+\s*', ''), '') as family_name
    from normalized
    where full_name is not null
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
    full_name,
    given_name,
    family_name,
    {{ surrogate_key(['given_name', 'family_name']) }} as person_key
from split_names
