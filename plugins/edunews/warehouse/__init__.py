"""The warehouse: connections, the embedded server and schema migrations."""

from edunews.warehouse.connection import admin_url, connect, role_url

__all__ = ["admin_url", "connect", "role_url"]
