{#- A table's primary key is named <table>_pkey. dbt builds a table under a temporary name
    (<table>__dbt_tmp) and renames it into place, so PostgreSQL names the key after the
    temporary name; the old table still holds <table>_pkey until dbt drops it, so the name
    cannot be given in the contract either. A post-hook outside the build's transaction
    (after the old table is gone) renames it. -#}
{% macro name_primary_key() -%}
    {%- if model.config.materialized in ('table', 'incremental') -%}
    do $$
    declare
        current_name text;
    begin
        select conname into current_name
        from pg_constraint
        where conrelid = '{{ this }}'::regclass and contype = 'p';
        if current_name is not null and current_name <> '{{ this.identifier }}_pkey' then
            execute format(
                'alter table %s rename constraint %I to %I',
                '{{ this }}', current_name, '{{ this.identifier }}_pkey'
            );
        end if;
    end
    $$
    {%- else -%}
    select 1
    {%- endif -%}
{%- endmacro %}
