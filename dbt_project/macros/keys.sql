{#- The office key: the surrogate key of the office's identity, (kind, province, area_no)
    and, for a ministry or other body with neither, its name's alias key: the fourth part of
    the office_id the extractor resolved (plugins/edunews/extract/office_list.py), which the
    office list carries too. The same key as when SQL derived the alias key itself, so keys
    once published stay. -#}
{% macro office_key(kind, province, area_no, office_id) -%}
    {{ surrogate_key([
        kind, province, area_no, "nullif(split_part(" ~ office_id ~ ", '/', 4), '')"
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
