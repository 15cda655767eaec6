-- depends_on: {{ ref('int_articles__newest') }}
{{ config(materialized='incremental', indexes=[{'columns': ['event_key']}, {'columns': ['loaded_at']}]) }}
-- Every page version that is not behind a row of fct_events, and why: so that each page is
-- accounted for (in fct_events exactly once, or here).
--   not_extracted      the extractor has not read the page yet
--   extraction_error   the extractor's newest record for the page is an error record
--   no_event           the record states nothing of an event (int_pages__status says what counts)
--   superseded         a newer version of the same article is the one used
-- Incremental like the facts (macros/incremental.sql): the pages of the articles rebuilt
-- since the last build replace their rows.
with articles as (
    select * from {{ ref('int_articles__newest') }} as articles
    {{ only_rebuilt_articles('articles') }}
),

pages as (
    select * from {{ ref('int_pages__status') }}
    {% if is_incremental() %}
    where (source_id, article_url) in (select source_id, article_url from articles)
    {% endif %}
)

select
    pages.page_id,
    articles.event_key,
    pages.article_url,
    pages.source_id,
    pages.url,
    pages.title,
    pages.fetched_at,
    pages.extraction_id,
    pages.extractor_version,
    case
        when pages.page_id = articles.page_id then pages.page_status
        when pages.page_status in ('event', 'no_event') then 'superseded'
        else pages.page_status
    end as reason,
    case
        when pages.page_status = 'extraction_error' then pages.extraction_error
        when pages.page_id <> articles.page_id then 'article version used: page ' || articles.page_id
    end as reason_detail,
    articles.loaded_at
from pages
inner join articles using (source_id, article_url)
where articles.page_id <> pages.page_id
    or articles.article_status <> 'event'
