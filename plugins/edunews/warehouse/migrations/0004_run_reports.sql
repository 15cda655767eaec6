-- The figures each DAG run publishes (pages new / changed / failed by reason per source,
-- pages extracted, rows in the marts), so operators can query run history in SQL.
create table raw.run_reports (
    report_id   bigserial primary key,
    dag_id      text        not null,
    run_id      text        not null,
    reported_at timestamptz not null default now(),
    figures     jsonb       not null
);
create index run_reports_dag_idx on raw.run_reports (dag_id, reported_at desc);
