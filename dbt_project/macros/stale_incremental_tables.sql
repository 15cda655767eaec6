{#- An incremental table that lacks a column its model declares predates the model's current
    shape: fct_events, say, built as a plain table before the facts became incremental, has
    no loaded_at, which the incremental filters read, so appending to it fails; and a column
    appended to an existing table would stay null in the old rows, unlike a full refresh.
    Such a table is dropped before the run (on-run-start), so the run builds it in full, as
    --full-refresh would; so is one built with another article key (macros/article_key.sql).
    Only the models the command selected are looked at. -#}
{% macro drop_stale_incremental_tables() %}
    {%- if execute and not flags.FULL_REFRESH -%}
        {%- for node in graph.nodes.values()
            if node.resource_type == 'model'
            and node.config.materialized == 'incremental'
            and node.unique_id in selected_resources -%}
            {%- set relation = adapter.get_relation(node.database, node.schema, node.alias) -%}
            {%- if relation is not none -%}
                {%- set existing = adapter.get_columns_in_relation(relation) | map(attribute='name') | list -%}
                {%- set missing = node.columns.keys() | reject('in', existing) | list -%}
                {%- if missing -%}
                    {{ log('edunews: ' ~ relation ~ ' lacks ' ~ missing | join(', ') ~ ': built in full', info=true) }}
                    {%- do adapter.drop_relation(relation) -%}
                {%- elif built_with_another_article_key(relation) -%}
                    {{ log('edunews: ' ~ relation ~ ' was built with another article key: built in full', info=true) }}
                    {%- do adapter.drop_relation(relation) -%}
                {%- endif -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    select 1
{%- endmacro %}
