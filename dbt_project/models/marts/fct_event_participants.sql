-- depends_on: {{ ref('int_articles__newest') }}
{{ config(materialized='incremental', indexes=[{'columns': ['event_key']}, {'columns': ['loaded_at']}]) }}
-- Who took part in each event and how: one row per event x participant (a person, a school
-- or an office) x role, with the position and organisation as the article states them.
with persons as (
    select * from {{ ref('int_persons__mentions') }} as persons
    {{ only_rebuilt_articles('persons') }}
),

schools as (
    select * from {{ ref('int_schools__mentions') }} as schools
    {{ only_rebuilt_articles('schools') }}
),

offices as (
    select * from {{ ref('int_offices__mentions') }} as offices
    {{ only_rebuilt_articles('offices') }}
),

resolved_offices as (
    select * from {{ ref('int_offices__resolved') }}
),

-- materialized: see rebuilt_event_dates (macros/incremental.sql)
events as materialized ({{ rebuilt_event_dates() }}),

participants as (
    select
        event_key, loaded_at, mention_no, 'person' as participant_kind,
        person_key, null::text as school_key, null::text as office_key,
        role, full_name as name_as_written, position as position_as_stated,
        organization as organization_as_stated
    from persons

    union all

    select
        event_key, loaded_at, mention_no, 'school',
        null, school_key, null,
        role, school_name, null, null
    from schools

    union all

    select
        offices.event_key, offices.loaded_at, offices.mention_no, 'office',
        null, null, resolved_offices.office_key,
        offices.role, offices.name_as_written, null, null
    from offices
    inner join resolved_offices
        on resolved_offices.office_id = offices.office_id
    where offices.role <> 'organizer'
),

first_mentions as (
    select
        *,
        coalesce(person_key, school_key, office_key) as participant_id,
        row_number() over (
            partition by event_key, participant_kind, coalesce(person_key, school_key, office_key), role
            order by mention_no
        ) as mention_rank
    from participants
)

select
    {{ surrogate_key(['first_mentions.event_key', 'participant_kind', 'participant_id', 'role']) }} as event_participant_key,
    first_mentions.event_key,
    participant_kind,
    person_key,
    school_key,
    office_key,
    {{ surrogate_key(['role']) }} as participant_role_key,
    role as role_code,
    name_as_written,
    position_as_stated,
    organization_as_stated,
    mention_no,
    events.date_start,
    events.date_key,
    loaded_at
from first_mentions
left join events using (event_key)
where mention_rank = 1
