-- The 2021 secondary-office reform as a bridge: old numbered สพม. x new province-named สพม.
with reform as (
    select * from {{ ref('int_offices__reform_2021') }}
)

select
    {{ surrogate_key(['old_office_key', 'new_office_key']) }} as office_reform_key,
    old_office_key,
    new_office_key,
    old_office_name,
    new_office_name,
    shared_provinces
from reform
