with pages as (
    select * from {{ source('raw', 'pages') }}
)

select
    page_id,
    source_id,
    url,
    coalesce(canonical_url, url) as article_url,
    title,
    body_text,
    published_at,
    fetched_at,
    content_sha256
from pages
