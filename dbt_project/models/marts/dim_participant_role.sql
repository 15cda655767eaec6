-- The parts people, schools and offices play in an event (role codes of the extraction spec).
with roles as (
    select * from {{ ref('stg_seeds__participant_roles') }}
)

select
    {{ surrogate_key(['role_code']) }} as participant_role_key,
    role_code,
    role_name_th,
    role_name_en,
    description
from roles
