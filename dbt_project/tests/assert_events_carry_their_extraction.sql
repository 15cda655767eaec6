-- Nothing is lost or altered between the extraction record and fct_events: date, type,
-- count and organising office's key are those the record states.
with events as (
    select * from {{ ref('fct_events') }}
),

extractions as (
    select * from {{ ref('stg_raw__extractions') }}
),

offices as (
    select * from {{ ref('dim_office') }}
)

select events.event_key
from events
inner join extractions using (extraction_id)
left join offices using (office_key)
where events.date_start is distinct from (extractions.event ->> 'date_start')::date
    or events.event_type_code is distinct from extractions.event ->> 'event_type'
    or events.participant_count is distinct from (extractions.event ->> 'participant_count')::integer
    or extractions.page_id <> events.page_id
    or (
        jsonb_typeof(extractions.event -> 'organizer_office') = 'object'
        and offices.office_kind is distinct from extractions.event -> 'organizer_office' ->> 'kind'
    )
