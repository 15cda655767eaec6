"""The dbt project as a pipeline step: environment for its profile, and how to run it."""
