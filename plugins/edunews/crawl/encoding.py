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
_HIGH_RUN = re.compile(rb"[\x80-\xff]+")
_HIGH_OR_NOT = re.compile(rb"[\x80-\xff]+|[\x00-\x7f]+")
MIXED = "utf-8+cp874"  # the charset a page of both is stored with
MIXED_SAMPLE = 200_000  # bytes looked at to tell a mixed page
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
    # Thai letters in TIS-620 are 0xA1-0xFB; a page of Thai text is full of them. The
    # sample is the page's non-ASCII bytes wherever they are: the first bytes may be all
    # ASCII (megabytes of inline script in <head>, where the meta tag is not seen either).
    sample = body.translate(None, _ASCII)[:20_000]
    high = len(sample)
    thai = len(sample.translate(None, _NOT_THAI))
    return high >= minimum and thai / high > 0.95


def _mixed(body: bytes, legacy: str) -> str | None:
    """A page of UTF-8 and TIS-620 (or the legacy charset it names) both, decoded piece by
    piece; None for any other page.

    Old PHP sites put articles kept in TIS-620 into templates now in UTF-8: read whole as
    either, half the page is mojibake. Each run of non-ASCII bytes (a Thai phrase between
    spaces and markup) is one or the other: UTF-8 when it decodes as UTF-8 to mostly Thai
    letters and punctuation, else TIS-620. TIS-620 Thai makes such runs by chance only
    when they are short (no run of 9 bytes or more in the shared corpus), so a page is
    mixed only when long UTF-8 runs and TIS-620 runs both make a real share of it.
    """
    runs = _HIGH_RUN.findall(body[:MIXED_SAMPLE])
    high = sum(len(run) for run in runs)
    utf8 = sum(len(run) for run in runs if len(run) >= 9 and _utf8_thai(run))
    other = sum(len(run) for run in runs if not _utf8_thai(run))
    if not high or utf8 < high * 0.05 or other < high * 0.05:
        return None
    return "".join(
        _decode_run(piece, legacy) if piece[:1] >= b"\x80" else piece.decode("ascii")
        for piece in _HIGH_OR_NOT.findall(body)
    )


def _utf8_thai(run: bytes) -> bool:
    try:
        text = run.decode("utf-8")
    except UnicodeDecodeError:
        return False
    # A TIS-620 run that happens to be valid UTF-8 decodes to Latin-1 letters or rare
    # scripts; real UTF-8 on these pages is Thai letters and typographic punctuation.
    plausible = sum(
        1 for char in text if "\u0e00" <= char <= "\u0e7f" or "\u2000" <= char <= "\u206f"
    )
    return plausible * 2 >= len(text)


def _decode_run(run: bytes, legacy: str) -> str:
    if _utf8_thai(run):
        return run.decode("utf-8")
    if len(run) >= 9 and (utf8_share(run) or 0) >= UTF8_SHARE:
        return run.decode("utf-8", "replace")  # a UTF-8 phrase with a stray byte in it
    return run.decode(legacy, "replace")


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
    legacy = [c for c in declared if c != "utf-8"]
    mixed = _mixed(body, legacy[0] if legacy else "cp874")
    if mixed is not None:
        return mixed, MIXED if not legacy or legacy[0] == "cp874" else f"utf-8+{legacy[0]}"
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
    charset = legacy[0] if legacy else detect_charset(body)
    return body.decode(charset, "replace"), charset
