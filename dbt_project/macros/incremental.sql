{#- Incremental builds. Every incremental table carries loaded_at: when the newest input
    behind the row (a page version fetched, a record extracted) landed in raw. It is the
    watermark: a build recomputes what landed after the newest loaded_at the table holds,
    minus var incremental_lookback for rows committed late. loaded_at comes from raw alone,
    never from the clock of the build, so recomputing a row gives the same row: a night that
    brings nothing new, or a full refresh, leaves every table as it was.

    A table records what it was built as in its comment (build_signature: the article key,
    var article_key, and a hash of its model's SQL). A table built as something else has
    no watermark, and its build recomputes every row, in place, as --full-refresh would:
    one built with another article key holds event_keys no new row matches; one built by
    an older model holds rows the model would no longer write (and a column added since,
    which on_schema_change: append_new_columns in dbt_project.yml adds, empty in its old
    rows); one without loaded_at at all (fct_events as the walking skeleton built it) has
    nothing to read a watermark from. A change upstream (a macro, another model) is not
    seen here: run --full-refresh after one. -#}
{% macro build_signature() -%}
    edunews build: article key {{ var('article_key') }}; model {{ local_md5(model.raw_code) }}
{%- endmacro %}

{#- post-hook of every model (dbt_project.yml) -#}
{% macro mark_build_signature() -%}
    {%- if model.config.materialized == 'incremental' -%}
    comment on table {{ this }} is '{{ build_signature() }}'
    {%- else -%}
    select 1
    {%- endif -%}
{%- endmacro %}

{% macro loaded_watermark() -%}
    {%- set columns = adapter.get_columns_in_relation(this) | map(attribute='name') | list if execute else [] -%}
    {%- if 'loaded_at' in columns -%}
    (select
        case when obj_description('{{ this }}'::regclass, 'pg_class') = '{{ build_signature() }}'
            then coalesce(max(loaded_at), '-infinity'::timestamptz)
                - interval '{{ var("incremental_lookback", "1 hour") }}'
            else '-infinity'::timestamptz
        end
    from {{ this }})
    {%- else -%}
    '-infinity'::timestamptz
    {%- endif -%}
{%- endmacro %}

{#- The article-keyed tables (the mention tables and the facts) are built with the strategy
    replace_rebuilt_articles (dbt_project.yml): a build selects the rows of the articles
    int_articles__newest recomputed past the table's watermark (rebuilt_article), and the
    strategy deletes those articles' rows and inserts the new ones. An article that changed,
    lost its event or lost participants is replaced as a whole, and a full refresh gives the
    same rows. The watermark is read before anything is deleted, by the select and by the
    delete alike. With no watermark (-infinity: an empty table, or one built as something
    else) every row goes. The key is event_key, the article's surrogate key: (source_id,
    article URL), never the URL alone, which another source could claim as its canonical
    URL. -#}
{% macro get_incremental_replace_rebuilt_articles_sql(arg_dict) -%}
    {%- set target = arg_dict['target_relation'] -%}
    {%- set columns = get_quoted_csv(arg_dict['dest_columns'] | map(attribute='name')) -%}
    delete from {{ target }}
    where {{ loaded_watermark() }} = '-infinity'::timestamptz
        or event_key in (
            select event_key from {{ ref('int_articles__newest') }} as articles
            where {{ rebuilt_article('articles') }}
        );

    insert into {{ target }} ({{ columns }})
    select {{ columns }} from {{ arg_dict['temp_relation'] }}
{%- endmacro %}

{#- The filter a model's inputs take in an incremental build: the articles recomputed since
    the table's watermark. -#}
{% macro rebuilt_article(relation_alias) -%}
    {{ relation_alias }}.loaded_at > {{ loaded_watermark() }}
{%- endmacro %}

{% macro only_rebuilt_articles(relation_alias) -%}
    {%- if is_incremental() -%}
    where {{ rebuilt_article(relation_alias) }}
    {%- endif -%}
{%- endmacro %}

{#- The date of each rebuilt article's event, for the facts that carry it (participants,
    initiatives, positions). Used as a materialized CTE: the planner expects one row from
    the rebuilt articles and would scan int_articles__newest again for every row joined
    (115 s instead of 2 at 100,000 events). -#}
{% macro rebuilt_event_dates() -%}
    select
        event_key,
        date_start,
        case when date_start is not null then {{ date_key('date_start') }} end as date_key
    from {{ ref('int_events__newest') }} as events
    {{ only_rebuilt_articles('events') }}
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
