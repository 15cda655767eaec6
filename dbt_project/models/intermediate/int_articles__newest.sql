-- depends_on: {{ ref('stg_raw__extractions') }}
{{
    config(
        materialized='incremental',
        unique_key=['source_id', 'article_url'],
        incremental_strategy='delete+insert',
        indexes=[{'columns': ['source_id', 'article_url']}, {'columns': ['loaded_at']}],
    )
}}
-- One row per article: a source's URL (canonical when declared), so no source can stand in
-- for another's article by naming its URL as canonical. The newest page version whose
-- newest extraction is readable wins; an article none of whose versions is readable keeps
-- its newest version, with the reason. Incremental: the articles of the pages
-- int_pages__status recomputed since this table's last build are recomputed, each from
-- all its versions, and replace their old row.
with pages as (
    select * from {{ ref('int_pages__status') }}
    {% if is_incremental() %}
    where (source_id, article_url) in (
        select source_id, article_url from {{ ref('int_pages__status') }}
        where loaded_at > {{ loaded_watermark() }}
    )
    {% endif %}
),

extractions as (
    select * from {{ ref('stg_raw__extractions') }}
),

ranked_versions as (
    select
        *,
        row_number() over (
            partition by source_id, article_url
            order by
                page_status in ('event', 'no_event') desc,
                fetched_at desc,
                page_id desc
        ) as version_rank,
        count(*) over (partition by source_id, article_url) as page_versions,
        max(loaded_at) over (partition by source_id, article_url) as article_loaded_at
    from pages
),

newest_versions as (
    select * from ranked_versions
    where version_rank = 1
)

select
    {{ surrogate_key(['newest_versions.source_id', 'newest_versions.article_url']) }} as event_key,
    newest_versions.article_url,
    newest_versions.page_id,
    newest_versions.source_id,
    newest_versions.url,
    newest_versions.title,
    newest_versions.published_at,
    newest_versions.fetched_at,
    newest_versions.extraction_id,
    newest_versions.extractor_version,
    newest_versions.extracted_at,
    extractions.record,
    newest_versions.extraction_error,
    newest_versions.page_status as article_status,
    newest_versions.page_versions::integer as page_versions,
    newest_versions.article_loaded_at as loaded_at
from newest_versions
left join extractions using (extraction_id)
