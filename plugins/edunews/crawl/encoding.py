"""Bytes to text: the charset from the header, then the page's meta tag, then detection.

Thai sites from the 2000s still serve TIS-620 (or say ISO-8859-11, or nothing at all).
windows-874 is a superset of both, so all three decode with Python's cp874.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_THAI_LEGACY = {
    "tis-620",
    "tis620",
    "tis_620",
    "iso-8859-11",
    "iso8859-11",
    "x-windows-874",
    "windows-874",
    "cp874",
    "ms874",
    "dos-874",
}
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)


def normalize_charset(name: str | None) -> str | None:
    """A Python codec name for a declared charset, or None if Python does not know it."""
    if not name:
        return None
    name = name.strip().lower()
    if name in _THAI_LEGACY:
        return "cp874"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def header_charset(content_type: str | None) -> str | None:
    match = _HEADER_CHARSET.search(content_type or "")
    return normalize_charset(match.group(1)) if match else None


def meta_charset(body: bytes) -> str | None:
    """`<meta charset=...>` or the http-equiv form, within the first few kilobytes."""
    match = _META_CHARSET.search(body[:8192])
    return normalize_charset(match.group(1).decode("ascii", "ignore")) if match else None


def detect_charset(body: bytes) -> str:
    if body.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        body.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(body[:200_000]).best()
    found = normalize_charset(best.encoding) if best else None
    # Detectors often call undeclared Thai bytes some other single-byte charset.
    if found is None or _looks_thai_legacy(body):
        return "cp874"
    return found


def _looks_thai_legacy(body: bytes) -> bool:
    # Thai letters in TIS-620 are 0xA1-0xFB; a page of Thai text is full of them.
    high = sum(1 for b in body[:20_000] if b >= 0x80)
    thai = sum(1 for b in body[:20_000] if 0xA1 <= b <= 0xFB)
    return high > 20 and thai / high > 0.95


def decode_body(body: bytes, content_type: str | None) -> tuple[str, str]:
    """The text and the charset it was decoded with."""
    charset = header_charset(content_type) or meta_charset(body) or detect_charset(body)
    if charset == "utf-8" and body.startswith(codecs.BOM_UTF8):
        charset = "utf-8-sig"
    return body.decode(charset, errors="replace"), charset
