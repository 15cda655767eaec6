# The Airflow image with edunews installed (DAGs, dbt project and package baked in).
FROM python:3.11.7-slim-bookworm

ENV PIP_NO_CACHE_DIR=1 \
    AIRFLOW_HOME=/opt/airflow \
    EDUNEWS_PROJECT_DIR=/opt/edunews \
    AIRFLOW__CORE__DAGS_FOLDER=/opt/edunews/dags \
    AIRFLOW__CORE__LOAD_EXAMPLES=False \
    AIRFLOW__CORE__DEFAULT_TIMEZONE=Asia/Bangkok \
    AIRFLOW__COSMOS__ENABLE_TELEMETRY=False \
    AIRFLOW__COSMOS__ENABLE_CACHE_DBT_LS=False \
    DO_NOT_TRACK=1

RUN useradd --create-home --home-dir /opt/airflow --uid 50000 airflow
WORKDIR /opt/edunews
COPY pyproject.toml README.md ./
COPY plugins ./plugins
RUN pip install --no-cache-dir .
COPY dags ./dags
COPY dbt_project ./dbt_project
# The manifest the transform DAG renders from is built into the image.
RUN cd dbt_project && DBT_PROFILES_DIR=. dbt parse --quiet && chown -R airflow /opt/edunews/dbt_project
USER airflow
