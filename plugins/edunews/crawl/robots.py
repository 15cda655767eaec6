"""robots.txt, fetched once per host and run, read with the standard library's parser."""

from __future__ import annotations

import threading
from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser


class RobotsRules:
    """What one host's robots.txt says to our user agent."""

    def __init__(
        self, parser: RobotFileParser | None, disallow_all: bool = False, why: str = ""
    ) -> None:
        self._parser = parser
        self._disallow_all = disallow_all
        self.why = why or "robots.txt disallows this path"

    def allowed(self, url: str, agent: str) -> bool:
        if self._disallow_all:
            return False
        return self._parser is None or self._parser.can_fetch(agent, url)

    def crawl_delay(self, agent: str) -> float | None:
        if self._parser is None:
            return None
        delay = self._parser.crawl_delay(agent)
        return float(delay) if delay is not None else None

    def sitemaps(self) -> list[str]:
        return list((self._parser and self._parser.site_maps()) or [])


def parse_robots(text: str) -> RobotsRules:
    parser = RobotFileParser()
    parser.parse(text.splitlines())
    return RobotsRules(parser)


def rules_for_status(status: int, text: str) -> RobotsRules:
    """RFC 9309: a missing robots.txt (4xx) allows everything, a failing one (5xx) nothing.

    `status` 0 stands for a network failure, treated like a server error.
    """
    if status == 200:
        return parse_robots(text)
    if 400 <= status < 500:
        return RobotsRules(None)
    why = f"robots.txt unavailable (HTTP {status}): the site asks for no crawling until it is back"
    if not status:
        why = "robots.txt could not be fetched: no crawling until it can be"
    return RobotsRules(None, disallow_all=True, why=why)


class RobotsCache:
    """robots.txt per scheme://host:port, fetched through `fetch(url) -> (status, text)`.

    Status 0 stands for a network failure.
    """

    def __init__(self, fetch: Callable[[str], tuple[int, str]]) -> None:
        self._fetch = fetch
        self._rules: dict[str, RobotsRules] = {}
        self._lock = threading.Lock()
        self._fetching = threading.local()  # keys this thread is fetching right now

    def rules(self, url: str) -> RobotsRules:
        parts = urlsplit(url)
        key = urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))
        with self._lock:
            cached = self._rules.get(key)
        if cached is None:
            busy: set[str] = self._fetching.__dict__.setdefault("keys", set())
            if key in busy:
                # The fetch of this robots.txt asked for its own rules (a redirect hop):
                # none yet, so none apply, instead of fetching it again without end.
                return RobotsRules(None)
            busy.add(key)
            try:
                status, text = self._fetch(key)  # may raise: nothing is cached then
            finally:
                busy.discard(key)
            cached = rules_for_status(status, text)
            with self._lock:
                self._rules[key] = cached
        return cached
