"""Assets that link the DAGs: the ingest DAG updates raw pages, the transform DAG follows."""

from airflow.sdk import Asset

RAW_PAGES = Asset(name="edunews_raw_pages", uri="edunews://warehouse/raw/pages")
