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
    # Detectors often call undeclared Thai bytes some other single-byte charset, or a wide
    # one; an undeclared page that is not UTF-8 is, on these sites, most likely TIS-620.
    if found is None or found.startswith(("utf-16", "utf-32")) or _looks_thai_legacy(body):
        return "cp874"
    return found


def _looks_thai_legacy(body: bytes, minimum: int = 20) -> bool:
    # Thai letters in TIS-620 are 0xA1-0xFB; a page of Thai text is full of them.
    high = sum(1 for b in body[:20_000] if b >= 0x80)
    thai = sum(1 for b in body[:20_000] if 0xA1 <= b <= 0xFB)
    return high >= minimum and thai / high > 0.95


def decode_body(body: bytes, content_type: str | None) -> tuple[str, str]:
    """The text and the charset it was decoded with.

    The first of header, meta tag and detection that decodes the bytes cleanly wins: Thai
    servers often say UTF-8 in the header and serve TIS-620 all the same.
    """
    declared = [header_charset(content_type), meta_charset(body)]
    candidates = [c for c in declared if c]
    for charset in candidates:
        try:
            return body.decode(_with_bom(charset, body)), _with_bom(charset, body)
        except UnicodeDecodeError:
            continue
    detected = "cp874" if _looks_thai_legacy(body, minimum=4) else detect_charset(body)
    # Detectors guess wide encodings for a few stray bytes: no page is UTF-16 without a BOM.
    plausible = not detected.startswith(("utf-8", "utf-16", "utf-32"))
    if not candidates or plausible:
        return body.decode(detected, errors="replace"), detected
    charset = candidates[0]  # nothing fits cleanly: the server's word, with replacements
    return body.decode(charset, errors="replace"), charset


def _with_bom(charset: str, body: bytes) -> str:
    return "utf-8-sig" if charset == "utf-8" and body.startswith(codecs.BOM_UTF8) else charset
