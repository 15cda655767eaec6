{#- Incremental facts follow int_articles__newest, whose rows carry built_at, the time of
    the build that last (re)computed the article. A fact build deletes the rows of every
    article rebuilt since the fact's own newest built_at (pre_hook), then inserts those
    articles' rows again: an article that changed, lost its event or lost participants is
    replaced as a whole, and a full refresh gives the same rows. The key is event_key (the
    article's surrogate key) or article_url, whichever the fact carries. -#}
{% macro articles_rebuilt_since_last_build(key='event_key') -%}
    select {{ key }} from {{ ref('int_articles__newest') }}
    where built_at > (select coalesce(max(built_at), '-infinity'::timestamptz) from {{ this }})
{%- endmacro %}

{% macro delete_rebuilt_articles(key='event_key') -%}
    {%- if is_incremental() -%}
    delete from {{ this }} where {{ key }} in ({{ articles_rebuilt_since_last_build(key) }})
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

{#- An index on the columns incremental builds look rows up by (the article's key, built_at),
    made once: a post_hook of each incremental table. Without it every build scans the
    whole table to delete a night's articles and to find the newest built_at. -#}
{% macro ensure_index(columns) -%}
    do $$
    begin
        if not exists (
            select 1 from pg_indexes
            where schemaname = '{{ this.schema }}'
                and tablename = '{{ this.identifier }}'
                and indexdef like '%({{ columns | join(", ") }})'
        ) then
            create index on {{ this }} ({{ columns | join(", ") }});
        end if;
    end
    $$
{%- endmacro %}

{#- Planner statistics for a table just built: a post-hook of every table model. Without
    them the next model reads a fresh table as if it held a few rows, and may join it row
    by row (fct_event_participants took 30 s instead of 1 s at 10,000 events). -#}
{% macro analyze_table() -%}
    {%- if model.config.materialized in ('table', 'incremental') -%}
    analyze {{ this }}
    {%- else -%}
    select 1
    {%- endif -%}
{%- endmacro %}
