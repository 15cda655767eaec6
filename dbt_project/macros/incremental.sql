{#- Every incremental table carries loaded_at: when the newest input behind the row (a page
    version fetched, a record extracted) landed in raw. It is the watermark: a build
    recomputes what landed after the newest loaded_at the table holds, minus var
    incremental_lookback for rows committed late. loaded_at comes from raw alone, never from
    the clock of the build, so recomputing a row gives the same row: a night that brings
    nothing new, or a full refresh, leaves every table as it was. -#}
{% macro loaded_watermark() -%}
    ((select coalesce(max(loaded_at), '-infinity'::timestamptz) from {{ this }})
        - interval '{{ var("incremental_lookback", "1 hour") }}')
{%- endmacro %}

{#- Incremental facts follow int_articles__newest. A fact build deletes the rows of every
    article recomputed past the fact's own watermark (pre_hook), then inserts those
    articles' rows again: an article that changed, lost its event or lost participants is
    replaced as a whole, and a full refresh gives the same rows. The key is event_key, the
    article's surrogate key: (source_id, article URL), never the URL alone, which another
    source could claim as its canonical URL. -#}
{% macro articles_rebuilt_since_last_build(key='event_key') -%}
    select {{ key }} from {{ ref('int_articles__newest') }}
    where loaded_at > {{ loaded_watermark() }}
{%- endmacro %}

{% macro delete_rebuilt_articles(key='event_key') -%}
    {%- if is_incremental() -%}
    delete from {{ this }} where {{ key }} in ({{ articles_rebuilt_since_last_build(key) }})
    {%- else -%}
    select 1
    {%- endif -%}
{%- endmacro %}

{#- The rows a build of {{ this }} recomputes: past its watermark, and not in it. The watermark
    is read after the pre_hook deleted the rebuilt articles' rows, which may have held the
    newest loaded_at; the lower watermark then reaches articles whose rows were kept, and
    "not in it" leaves those out (an article with no row at all gives none again). -#}
{% macro rebuilt_article(relation_alias, key='event_key') -%}
    {{ relation_alias }}.loaded_at > {{ loaded_watermark() }}
    and not exists (
        select 1 from {{ this }} as kept where kept.{{ key }} = {{ relation_alias }}.{{ key }}
    )
{%- endmacro %}

{% macro only_rebuilt_articles(relation_alias, key='event_key') -%}
    {%- if is_incremental() -%}
    where {{ rebuilt_article(relation_alias, key) }}
    {%- endif -%}
{%- endmacro %}

{#- An index on the columns incremental builds look rows up by (the article's key, loaded_at),
    made once: a post_hook of each incremental table. Without it every build scans the
    whole table to delete a night's articles and to find the newest loaded_at. -#}
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
