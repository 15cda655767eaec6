{#- What identifies an article (var article_key): its source and URL since issue 10, its URL
    alone before. Every incremental table records the key it was built with in its table
    comment; a table built with another key (or before keys were recorded) holds event_keys
    no new row will ever match, so an incremental run would keep them beside the new ones:
    drop_stale_incremental_tables drops it, and the run builds it in full. -#}
{% macro article_key_comment() -%}
    edunews article key: {{ var('article_key') }}
{%- endmacro %}

{% macro mark_article_key() -%}
    {%- if model.config.materialized == 'incremental' -%}
    comment on table {{ this }} is '{{ article_key_comment() }}'
    {%- else -%}
    select 1
    {%- endif -%}
{%- endmacro %}

{% macro built_with_another_article_key(relation) -%}
    {%- set found = run_query(
        "select coalesce(obj_description('" ~ relation ~ "'::regclass, 'pg_class'), '')"
    ) -%}
    {{ return(found.columns[0].values()[0] != article_key_comment()) }}
{%- endmacro %}
