"""What discovery learned about a source (article URL shapes, listing pages, the way that
worked), and keeping it between runs in raw.source_learned."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from edunews.crawl.discovery import Context
from edunews.crawl.shape import Shape

if TYPE_CHECKING:  # the probe explores without any database
    import psycopg

MAX_SHAPES = 6
# Listings kept (each is read every night): the most recently productive first. Without a
# cap a site that moved its news around grew a list read in full, night after night.
MAX_LISTINGS = 20


@dataclass
class Learned:
    """What exploring a source taught, kept between runs (raw.source_learned)."""

    shapes: list[Shape] = field(default_factory=list)
    listings: list[str] = field(default_factory=list)
    way: str | None = None  # "rest", "feed", "sitemap", "explore"
    pages_looked_at: int = 0
    changed: bool = False
    samples: list[tuple[str, str, str | None]] = field(default_factory=list)  # read articles

    def as_json(self) -> dict:
        return {
            "way": self.way,
            "shapes": [s.as_json() for s in self.shapes],
            "listings": self.listings,
        }

    @classmethod
    def from_json(cls, data: dict | None) -> Learned:
        data = data or {}
        shapes = []
        for item in data.get("shapes") or []:
            try:
                shapes.append(Shape.from_json(item))
            except (KeyError, TypeError, ValueError):
                continue  # written by an older version: learned again
        listings = [u for u in data.get("listings") or [] if isinstance(u, str)]
        listings = list(dict.fromkeys(listings))[:MAX_LISTINGS]  # kept by an older version
        return cls(shapes, listings, data.get("way"))

    def set_way(self, way: str) -> None:
        if way != self.way:
            self.way = way
            self.changed = True

    def is_article_url(self, url: str) -> bool:
        return any(shape.matches(url) for shape in self.shapes)

    def learn_shape(self, url: str) -> None:
        shape = Shape.of(url)
        if shape.has_variable and shape not in self.shapes and len(self.shapes) < MAX_SHAPES:
            self.shapes.append(shape)
            self.changed = True

    def learn_listing(self, url: str) -> None:
        """A listing found: kept first, the least recently productive dropped past the cap."""
        if url not in self.listings:
            self.listings = [url, *self.listings][:MAX_LISTINGS]
            self.changed = True

    def listing_productive(self, url: str) -> None:
        """A learned listing that listed something new: moved first, so the cap drops the
        ones that did not."""
        if url in self.listings and self.listings[0] != url:
            self.listings.remove(url)
            self.listings.insert(0, url)
            self.changed = True


def learned_of(ctx: Context) -> Learned:
    """The source's learned state, shared through the context's settings (run.py puts it
    there; an ad-hoc use gets a fresh one)."""
    learned = ctx.settings.get("learned")
    if not isinstance(learned, Learned):
        learned = Learned()
        ctx.settings = {**ctx.settings, "learned": learned}
    return learned


def load_learned(conn: psycopg.Connection, source_id: str) -> Learned:
    row = conn.execute(
        "select learned from raw.source_learned where source_id = %s"
        " order by learned_id desc limit 1",
        (source_id,),
    ).fetchone()
    return Learned.from_json(row[0] if row else None)


def save_learned(conn: psycopg.Connection, source_id: str, run_id: str, learned: Learned) -> None:
    """A new row when something changed (append-only: the history shows when a site moved)."""
    if not learned.changed:
        return
    from psycopg.types.json import Jsonb

    with conn.transaction():
        conn.execute(
            "insert into raw.source_learned (source_id, run_id, learned) values (%s, %s, %s)",
            (source_id, run_id, Jsonb(learned.as_json())),
        )
    learned.changed = False
