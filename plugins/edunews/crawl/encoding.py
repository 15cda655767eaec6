"""Bytes to text: UTF-8 when the bytes are UTF-8, else the declared charset, else detection.

Thai sites from the 2000s still serve TIS-620 (or say ISO-8859-11, or nothing at all).
windows-874 is a superset of both, so all three decode with Python's cp874.

The bytes decide before the labels do. PHP sites cut UTF-8 strings mid-character, so a
UTF-8 page with a stray byte or two is common; it is still UTF-8 (with a U+FFFD for each
stray), whatever the header or meta tag says. And a label is only a hint: it is used only
when it names a charset the web uses (WHATWG's list). Python's codec registry also knows
`base64`, `hex`, `zlib` and `rot13` (not text encodings: decoding raises or returns
bytes), `utf-7` (makes lone surrogates, and hides markup from filters), `unicode_escape`
(turns the text "\\x00" into a NUL), `idna`, `undefined`... a page saying charset=base64
must not reach them. UTF-16 and UTF-32 only with a byte-order mark.
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
    "iso8859_11",
    "x-windows-874",
    "windows-874",
    "cp874",
    "ms874",
    "dos-874",
}
# Python's names for the WHATWG Encoding Standard's charsets (utf-16/32 aside): the only
# ones a page's label may choose.
_WEB_CHARSETS = {
    "utf-8",
    "ascii",
    "cp866",
    *(f"iso8859-{n}" for n in (1, 2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)),
    "koi8-r",
    "koi8-u",
    "mac-roman",
    "mac-cyrillic",
    "cp874",
    *(f"cp{n}" for n in range(1250, 1259)),
    "gbk",
    "gb2312",
    "gb18030",
    "big5",
    "big5hkscs",
    "euc_jp",
    "iso2022_jp",
    "shift_jis",
    "cp932",
    "euc_kr",
    "cp949",
}
_LABEL_ALIASES = {"windows-31j": "cp932", "x-mac-cyrillic": "mac-cyrillic", "x-sjis": "shift_jis"}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose mark is its first half
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
_ASCII = bytes(range(0x80))
_NOT_THAI = bytes(b for b in range(256) if not 0xA1 <= b <= 0xFB)
# Share of a page's non-ASCII bytes that must form valid UTF-8 sequences for it to be UTF-8.
# Thai text in TIS-620 makes valid sequences by chance: up to 0.6 of a title, about 0.4 of
# an article (measured on the shared corpus); UTF-8 with strays is above 0.99.
UTF8_SHARE = 0.9


def normalize_charset(name: str | None) -> str | None:
    """A Python codec name for a declared charset the web uses, or None (unknown, or a
    codec that is no text encoding for web pages: base64, utf-7, utf-16 without a BOM...)."""
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    if name in _THAI_LEGACY:
        return "cp874"
    try:
        codec = codecs.lookup(_LABEL_ALIASES.get(name, name)).name
    except (LookupError, ValueError):
        return None
    return codec if codec in _WEB_CHARSETS else None


def header_charset(content_type: str | None) -> str | None:
    match = _HEADER_CHARSET.search(content_type or "")
    return normalize_charset(match.group(1)) if match else None


def meta_charset(body: bytes) -> str | None:
    """`<meta charset=...>` or the http-equiv form, within the first few kilobytes."""
    match = _META_CHARSET.search(body[:8192])
    return normalize_charset(match.group(1).decode("ascii", "ignore")) if match else None


def utf8_share(body: bytes) -> float | None:
    """The share of the non-ASCII bytes that are part of valid UTF-8 sequences; None when
    there are none (ASCII reads the same in every web charset)."""
    high = len(body.translate(None, _ASCII))  # what is left without the ASCII bytes
    if not high:
        return None
    invalid = len(body) - len(body.decode("utf-8", "ignore").encode("utf-8"))
    return (high - invalid) / high


def detect_charset(body: bytes) -> str:
    """The charset of bytes that declare none (or declare something untrue)."""
    bom = _bom(body)
    if bom:
        return bom
    share = utf8_share(body)
    if share is None or share >= UTF8_SHARE:
        return "utf-8"
    if _looks_thai_legacy(body):
        return "cp874"
    try:
        best = from_bytes(body[:200_000]).best()
    except Exception:  # noqa: BLE001 (a detector's bug is no reason to lose the page)
        best = None
    found = normalize_charset(best.encoding) if best else None
    # Detectors call undeclared Thai bytes some other single-byte charset now and then; a
    # page that is not UTF-8 is, on these sites, most likely TIS-620.
    if found is None or found == "utf-8":
        return "cp874"
    return found


def _looks_thai_legacy(body: bytes, minimum: int = 20) -> bool:
    # Thai letters in TIS-620 are 0xA1-0xFB; a page of Thai text is full of them.
    sample = body[:20_000]
    high = len(sample.translate(None, _ASCII))
    thai = len(sample.translate(None, _NOT_THAI))
    return high >= minimum and thai / high > 0.95


def _bom(body: bytes) -> str | None:
    for mark, charset in _BOMS:
        if body.startswith(mark):
            return charset
    return None


def decode_body(body: bytes, content_type: str | None) -> tuple[str, str]:
    """The text and the charset it was decoded with. Never raises.

    A byte-order mark, then UTF-8 when the bytes are (mostly) UTF-8, then the first of
    header and meta tag that decodes the bytes cleanly (Thai servers often say UTF-8 and
    serve TIS-620 all the same), then TIS-620 when the bytes look like it, then detection.
    """
    try:
        return _decode(body, content_type)
    except Exception:  # noqa: BLE001 (nothing above may raise; if it does, read it as UTF-8)
        return body.decode("utf-8", "replace"), "utf-8"


def _decode(body: bytes, content_type: str | None) -> tuple[str, str]:
    bom = _bom(body)
    if bom:
        return body.decode(bom, "replace"), bom
    share = utf8_share(body)
    if share is not None and share >= UTF8_SHARE:
        return body.decode("utf-8", "replace"), "utf-8"
    declared = [c for c in (header_charset(content_type), meta_charset(body)) if c]
    if share is None:  # pure ASCII: every web charset reads it (ISO-2022-JP differently)
        charset = declared[0] if declared else "utf-8"
        return body.decode(charset, "replace"), charset
    for charset in declared:
        if charset != "utf-8":  # ruled out above
            try:
                return body.decode(charset), charset
            except UnicodeDecodeError:
                continue
    if _looks_thai_legacy(body, minimum=4):
        return body.decode("cp874", "replace"), "cp874"
    legacy = [c for c in declared if c != "utf-8"]
    charset = legacy[0] if legacy else detect_charset(body)
    return body.decode(charset, "replace"), charset
