with months as (
    select * from {{ ref('thai_months') }}
)

select
    month_number,
    month_name_th,
    month_abbr_th
from months
