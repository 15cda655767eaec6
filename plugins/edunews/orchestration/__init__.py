"""What the Airflow DAGs call: each task is one function here, testable without Airflow."""
