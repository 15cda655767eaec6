-- The reader (analysts, BI tools) creates nothing, not even temporary tables: they would
-- escape statement_timeout's intent (a session can fill them with a query's worth of rows
-- at a time) and live on the server's disk. TEMP is granted to PUBLIC by default, so it is
-- taken from PUBLIC and given back to the roles that need it (dbt's incremental models
-- build in temporary tables). The database's owner keeps it as owner.
do $$
begin
    execute format('revoke temporary on database %I from public', current_database());
    execute format(
        'grant temporary on database %I to edunews_loader, edunews_transformer',
        current_database()
    );
end
$$;
