{#- A stable key from several columns (no dbt packages can be installed here, so this is
    our own dbt_utils.generate_surrogate_key): md5 of the columns as text, nulls marked. -#}
{% macro surrogate_key(columns) -%}
    md5(
    {%- for column in columns %}
        coalesce(cast({{ column }} as text), '_null_')
        {%- if not loop.last %} || '|' || {% endif %}
    {%- endfor %}
    )
{%- endmacro %}
