"""A webhook receiver on 127.0.0.1: keeps the JSON bodies POSTed to it (alerts in tests)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

from edunews_sim.server import Reply, Request, serve


class _Hook:
    def __init__(self, status: int) -> None:
        self.status = status
        self.received: list[dict] = []

    def handle(self, request: Request) -> Reply:
        if request.method != "POST":
            return Reply(405, b"", {"Allow": "POST"})
        self.received.append(json.loads(request.body))
        return Reply(self.status)


@contextmanager
def webhook_receiver(status: int = 200) -> Iterator[tuple[str, list[dict]]]:
    """Yields the hook's URL and the list the received bodies are appended to."""
    hook = _Hook(status)
    with serve(hook) as served:
        yield served.url + "hook", hook.received
