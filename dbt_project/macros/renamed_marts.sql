{#- Marts renamed by the naming rule (issue 11: dim_ / fct_ / bridge_ / agg_). A warehouse
    built before keeps the old tables, which nothing rebuilds any more and the reader would
    still see: they go when a run starts. -#}
{% macro drop_renamed_marts() -%}
    {%- set renamed = {'person_positions': 'fct_person_positions', 'office_reform_2021': 'bridge_office_reform_2021'} -%}
    {%- for old in renamed -%}
    drop table if exists {{ adapter.quote('marts') }}.{{ adapter.quote(old) }};
    {% endfor -%}
{%- endmacro %}
