"""Per-host request spacing, shared by every client in the process.

Several sources can live on one host (per-year installs, sub-sites), and the CLI crawls
sources in parallel: the limit belongs to the host, not to a client.
"""

from __future__ import annotations

import threading
import time

DEFAULT_INTERVAL = 1.0  # seconds between two requests to one host: one request a second


class HostLimiter:
    """Spaces requests to each host (scheme-less netloc, so host:port) by an interval."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._next_slot: dict[str, float] = {}

    def wait(self, host: str, interval: float, until: float | None = None) -> float | None:
        """Block until `host` may be asked again; returns the seconds waited.

        With `until` (a time.monotonic() value, e.g. the end of a source's time budget):
        a turn that would come after it is not taken and None comes back at once.
        """
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next_slot.get(host, 0.0))
            if until is not None and slot >= until:
                return None
            # Reserve the slot before sleeping so parallel callers queue up behind it.
            self._next_slot[host] = slot + interval
        delay = slot - now
        if delay > 0:
            time.sleep(delay)
        return delay

    def push_back(self, host: str, seconds: float) -> None:
        """The host asked us to wait (Retry-After): nobody asks it before then."""
        with self._lock:
            self._next_slot[host] = max(self._next_slot.get(host, 0.0), time.monotonic() + seconds)


LIMITER = HostLimiter()
