# The Airflow image of the compose stack: the official Airflow 3.3.2 image (Python 3.11) with
# edunews installed from pyproject.toml (its pins), the DAGs, the dbt project with its
# manifest built, and the source registry. No secret is baked in: every one comes from the
# environment at run time (docker-compose.yml reads them from .env).
FROM apache/airflow:3.3.2-python3.11

ENV EDUNEWS_PROJECT_DIR=/opt/edunews \
    EDUNEWS_SOURCES=/opt/edunews/sources.yml \
    AIRFLOW__CORE__DAGS_FOLDER=/opt/edunews/dags \
    AIRFLOW__CORE__LOAD_EXAMPLES=False \
    AIRFLOW__CORE__DEFAULT_TIMEZONE=Asia/Bangkok \
    AIRFLOW__COSMOS__ENABLE_TELEMETRY=False \
    AIRFLOW__COSMOS__ENABLE_CACHE_DBT_LS=False \
    DO_NOT_TRACK=1 \
    SCARF_ANALYTICS=false \
    DBT_SEND_ANONYMOUS_USAGE_STATS=false \
    EDUNEWS_DBT_TARGET_DIR=/opt/edunews/dbt_project/target

# The project folder and the log folder belong to the airflow user (a named volume mounted
# on the log folder starts with this ownership).
USER root
RUN mkdir -p /opt/edunews /opt/airflow/logs \
    && chown -R airflow:0 /opt/edunews /opt/airflow/logs
USER airflow
WORKDIR /opt/edunews

# The package first, so that changing a DAG or a model does not reinstall dependencies.
# apache-airflow is named with the image's version so pip can never swap it.
COPY --chown=airflow:0 pyproject.toml README.md ./
# Only the product: the site simulator (plugins/edunews_sim) stays out of the image.
COPY --chown=airflow:0 plugins/edunews ./plugins/edunews
RUN pip install --no-cache-dir "apache-airflow==${AIRFLOW_VERSION}" . \
    && python -c "import edunews, cosmos, airflow.providers.celery"

COPY --chown=airflow:0 dags ./dags
COPY --chown=airflow:0 dbt_project ./dbt_project
COPY --chown=airflow:0 sources.yml ./sources.yml
COPY --chown=airflow:0 deploy/metabase ./deploy/metabase
# The manifest the transform DAG renders its dbt tasks from (dbt parse; needs no database),
# where EDUNEWS_DBT_TARGET_DIR (above) tells every process of the image to look for it.
RUN edunews manifest && test -s dbt_project/target/manifest.json
