{#- Incremental facts follow int_articles__newest, whose rows carry built_at, the time of
    the build that last (re)computed the article. A fact build deletes the rows of every
    article rebuilt since the fact's own newest built_at (pre_hook), then inserts those
    articles' rows again: an article that changed, lost its event or lost participants is
    replaced as a whole, and a full refresh gives the same rows. -#}
{% macro articles_rebuilt_since_last_build(key='event_key') -%}
    select {{ key }} from {{ ref('int_articles__newest') }}
    where built_at > (select coalesce(max(built_at), '-infinity'::timestamptz) from {{ this }})
{%- endmacro %}

{% macro delete_rebuilt_articles() -%}
    {%- if is_incremental() -%}
    delete from {{ this }} where event_key in ({{ articles_rebuilt_since_last_build() }})
    {%- else -%}
    select 1
    {%- endif -%}
{%- endmacro %}

{% macro only_rebuilt_articles(relation_alias) -%}
    {%- if is_incremental() -%}
    where {{ relation_alias }}.built_at
        > (select coalesce(max(built_at), '-infinity'::timestamptz) from {{ this }})
    {%- endif -%}
{%- endmacro %}
