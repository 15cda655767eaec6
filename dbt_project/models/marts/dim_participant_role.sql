-- The parts people, schools and offices play in an event (role codes of the extraction spec).
with roles as (
    select * from {{ ref('stg_seeds__participant_roles') }}
)

select
    role_code as role,
    role_name_th,
    role_name_en,
    description
from roles
