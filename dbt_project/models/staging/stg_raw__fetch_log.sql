with fetch_log as (
    select * from {{ source('raw', 'fetch_log') }}
)

select
    fetch_id,
    run_id,
    source_id,
    url,
    requested_at,
    outcome,
    http_status,
    reason,
    elapsed_ms,
    page_id
from fetch_log
