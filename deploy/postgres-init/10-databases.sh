#!/bin/bash
# Runs once, on the first start of the postgres service (empty data volume), from
# /docker-entrypoint-initdb.d. The image has already created the warehouse database
# (POSTGRES_DB=edunews, owned by the superuser POSTGRES_USER); this adds, as separate
# databases with their own login roles, Airflow's metadata and Metabase's application data.
# The warehouse's roles (loader, transformer, reader) come from `edunews db migrate`
# (airflow-init). Changing a password in .env later does not reach these two roles: run
# `alter role ... password ...` by hand (see README, "Deploy with docker-compose").
set -euo pipefail

: "${AIRFLOW_DB_PASSWORD:?AIRFLOW_DB_PASSWORD is not set}"
: "${METABASE_DB_PASSWORD:?METABASE_DB_PASSWORD is not set}"

# Passwords go in as psql variables (:'name' quotes them), never spliced into the SQL.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v airflow_password="$AIRFLOW_DB_PASSWORD" \
    -v metabase_password="$METABASE_DB_PASSWORD" <<'SQL'
create role airflow login password :'airflow_password';
create database airflow owner airflow;
create role metabase login password :'metabase_password';
create database metabase owner metabase;
SQL
