{#- The office key: (kind, province, area_no), as the extraction contract identifies an
    office; ministry and other offices, which have neither, by their name as well. -#}
{% macro office_key(kind, province, area_no, name) -%}
    {{ surrogate_key([
        kind, province, area_no,
        "case when " ~ kind ~ " in ('moe', 'other') and " ~ province ~ " is null then "
            ~ office_alias_key(name) ~ " end"
    ]) }}
{%- endmacro %}

{#- yyyymmdd as an integer, the key of dim_date. -#}
{% macro date_key(column) -%}
    (extract(year from {{ column }})::integer * 10000
        + extract(month from {{ column }})::integer * 100
        + extract(day from {{ column }})::integer)
{%- endmacro %}

{#- An extractor version (semver, maybe with a suffix) as an integer array that sorts right:
    0.10.0 after 0.9.1. -#}
{% macro version_array(column) -%}
    coalesce(
        string_to_array(
            nullif(regexp_replace(split_part({{ column }}, '-', 1), '[^0-9.]', '', 'g'), ''), '.'
        )::integer[],
        '{}'::integer[]
    )
{%- endmacro %}
