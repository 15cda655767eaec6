with roles as (
    select * from {{ ref('participant_roles') }}
)

select
    role_code,
    role_name_th,
    role_name_en,
    description
from roles
