-- Three roles: the loader writes raw, the transformer (dbt) reads raw and owns the
-- modelled schemas, the reader (analysts, BI tools) selects from the marts and nothing else.
-- Passwords are set by `edunews db migrate` from the environment, not here.
do $$
declare
    r text;
begin
    foreach r in array array['edunews_loader', 'edunews_transformer', 'edunews_reader'] loop
        if not exists (select 1 from pg_roles where rolname = r) then
            execute format('create role %I login', r);
        end if;
    end loop;
end
$$;

grant usage on schema raw to edunews_loader, edunews_transformer;
grant select, insert on all tables in schema raw to edunews_loader;
grant usage on all sequences in schema raw to edunews_loader;
grant select on all tables in schema raw to edunews_transformer;

create schema if not exists staging authorization edunews_transformer;
create schema if not exists intermediate authorization edunews_transformer;
create schema if not exists marts authorization edunews_transformer;
create schema if not exists seeds authorization edunews_transformer;

grant usage on schema marts to edunews_reader;
-- dbt recreates tables on every build: default privileges keep the reader's grant.
alter default privileges for role edunews_transformer in schema marts
    grant select on tables to edunews_reader;

-- Tables later migrations add to raw get the same grants.
alter default privileges in schema raw grant select, insert on tables to edunews_loader;
alter default privileges in schema raw grant usage on sequences to edunews_loader;
alter default privileges in schema raw grant select on tables to edunews_transformer;

-- dbt may create schemas of its own (test-failure audit tables).
do $$
begin
    execute format('grant create on database %I to edunews_transformer', current_database());
end
$$;
