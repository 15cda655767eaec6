"""Decompression with a ceiling on what comes OUT, checked while it comes out.

A few megabytes of gzip can inflate to gigabytes (a 2 MB gzip sitemap peaked at 4.16 GB of
memory through `gzip.decompress`). Every inflation here is streamed through zlib with
`max_length`, so no step ever produces more than the cap plus one small chunk, whatever
the input: one member, concatenated members, gzip inside gzip, zlib or raw deflate.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable

GZIP_MAGIC = b"\x1f\x8b"
MAX_LAYERS = 3  # Content-Encoding: gzip, gzip, gzip, ... is a bomb in layers, not a page
_STEP = 64 * 1024  # the most one zlib call may produce


class TooLarge(Exception):
    """The decompressed size passed the cap; `reason` is ready for the fetch log."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class CorruptBody(Exception):
    """The compressed stream is not what its label says."""


class Unsupported(Exception):
    """A content coding this crawler does not read (it asked only for gzip and deflate)."""


class _Inflater:
    """One gzip or deflate layer, fed compressed pieces, giving out at most `step` at a time."""

    def __init__(self, coding: str) -> None:
        self.coding = coding
        self._raw_deflate = False
        self._started = False
        self._obj = self._new()

    def _new(self):
        if self.coding == "gzip":
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        return zlib.decompressobj(-zlib.MAX_WBITS if self._raw_deflate else zlib.MAX_WBITS)

    def feed(self, data: bytes) -> Iterable[bytes]:
        """Yields the output of `data` in pieces of at most _STEP bytes."""
        pending = data
        while True:
            try:
                out = self._obj.decompress(pending, _STEP)
            except zlib.error as exc:
                if self.coding == "deflate" and not self._started and not self._raw_deflate:
                    # "deflate" as many servers send it: raw, without the zlib header.
                    self._raw_deflate = True
                    self._obj = self._new()
                    continue
                raise CorruptBody(f"{self.coding} body is corrupt: {exc}") from exc
            self._started = True
            if out:
                yield out
            pending = self._obj.unconsumed_tail
            if self._obj.eof:
                rest = self._obj.unused_data
                # Concatenated gzip members are one body (RFC 1952); other trailing bytes
                # (padding, junk after the end) are ignored as browsers do.
                if self.coding == "gzip" and rest[:2] == GZIP_MAGIC:
                    self._obj = self._new()
                    pending = rest
                    continue
                return
            # A full step may leave output inside zlib with all input taken: ask again.
            if not pending and len(out) < _STEP:
                return


class BoundedDecoder:
    """Undoes a Content-Encoding list, stopping as soon as the output passes `cap` bytes.

    Every layer's output is counted against the cap, and layers are chained lazily, so
    memory stays near `cap` and work stops at the cap even for layered bombs whose middle
    layer is the big one (gzip of a gzip stream of empty blocks).
    """

    def __init__(self, codings: list[str], cap: int, what: str = "body") -> None:
        layers = [c for c in codings if c not in ("", "identity")]
        if len(layers) > MAX_LAYERS:
            raise Unsupported(f"{len(layers)} content codings stacked")
        for coding in layers:
            if coding not in ("gzip", "deflate"):
                raise Unsupported(f"content coding {coding!r} is not one we asked for")
        # Codings are listed in the order they were applied: undo them last first.
        self._layers = [_Inflater(c) for c in reversed(layers)]
        self._produced = [0] * len(self._layers)
        self._label = layers[0] if layers else "identity"
        self.cap = cap
        self.what = what
        self.size = 0  # decompressed bytes given out so far

    def feed(self, data: bytes) -> bytes:
        """The decompressed bytes `data` adds; raises TooLarge, CorruptBody."""
        stream: Iterable[bytes] = (data,)
        for index, layer in enumerate(self._layers):
            stream = self._through(index, layer, stream)
        out = []
        for piece in stream:
            out.append(piece)
        self.size += sum(len(piece) for piece in out)
        return b"".join(out)

    def _through(self, index: int, layer: _Inflater, stream: Iterable[bytes]) -> Iterable[bytes]:
        for piece in stream:
            for out in layer.feed(piece):
                self._produced[index] += len(out)
                if self._produced[index] > self.cap:
                    raise TooLarge(
                        f"{self._label} {self.what} inflates past the {self.cap}-byte cap"
                    )
                yield out


def parse_codings(header: str | None) -> list[str]:
    """`Content-Encoding: gzip, deflate` -> ["gzip", "deflate"] (x-gzip is gzip)."""
    codings = [c.strip().lower() for c in (header or "").split(",")]
    return ["gzip" if c == "x-gzip" else c for c in codings if c]


def gunzip_capped(data: bytes, cap: int, what: str = "file") -> bytes:
    """Gzip data (one or more members, gzip inside gzip too) inflated to at most `cap` bytes.

    Raises TooLarge past the cap, CorruptBody for broken data, Unsupported past 3 layers.
    """
    for _ in range(MAX_LAYERS):
        if data[:2] != GZIP_MAGIC:
            return data
        data = BoundedDecoder(["gzip"], cap, what).feed(data)
    if data[:2] == GZIP_MAGIC:
        raise Unsupported(f"gzip nested more than {MAX_LAYERS} deep")
    return data
