-- depends_on: {{ ref('stg_raw__pages') }}, {{ ref('stg_raw__extractions') }}
{{
    config(
        materialized='incremental',
        unique_key='article_url',
        incremental_strategy='delete+insert',
        on_schema_change='append_new_columns',
    )
}}
-- One row per article (a URL, canonical when declared): the newest page version whose
-- newest extraction is readable wins; an article none of whose versions is readable keeps
-- its newest version, with the reason. Incremental: only articles with a page fetched or
-- an extraction made since the last build (minus a look-back for late commits) are
-- recomputed, each from all its versions, and replace their old row.
with pages as (
    select * from {{ ref('int_pages__status') }}
    {% if is_incremental() %}
    where article_url in (
        select article_url from {{ ref('stg_raw__pages') }}
        where fetched_at > (select max(loaded_at) from {{ this }})
            - interval '{{ var("incremental_lookback", "1 hour") }}'
        union
        select pages.article_url
        from {{ ref('stg_raw__extractions') }} as extractions
        inner join {{ ref('stg_raw__pages') }} as pages using (page_id)
        where extractions.extracted_at > (select max(loaded_at) from {{ this }})
            - interval '{{ var("incremental_lookback", "1 hour") }}'
    )
    {% endif %}
),

ranked_versions as (
    select
        *,
        row_number() over (
            partition by article_url
            order by
                page_status in ('event', 'no_event') desc,
                fetched_at desc,
                page_id desc
        ) as version_rank,
        count(*) over (partition by article_url) as page_versions,
        greatest(
            max(fetched_at) over (partition by article_url),
            max(extracted_at) over (partition by article_url)
        ) as loaded_at
    from pages
)

select
    {{ surrogate_key(['article_url']) }} as event_key,
    article_url,
    page_id,
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
    page_status as article_status,
    page_versions::integer as page_versions,
    loaded_at,
    now() as built_at
from ranked_versions
where version_rank = 1
