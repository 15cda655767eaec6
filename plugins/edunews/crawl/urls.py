"""The one URL parser: what the safety checks read is what the request connects to.

Python's urlsplit and urllib3 disagree on hostile URLs (`http://a:1\\@b/`: urlsplit sees
host b, urllib3 connects to a), and browsers (WHATWG) disagree with both. So every URL the
crawler checks, requests or stores goes through `normalize_url`, which follows the WHATWG
reading of http(s) URLs and writes the result in a form every parser reads alike:

- surrounding whitespace and C0 controls stripped, tab/CR/LF inside removed;
- `\\` read as `/` before the query (as browsers do for http and https);
- any number of slashes after `http:`; userinfo (`user:pass@`) refused;
- the host percent-decoded, UTS #46 mapped, lowercased, IDNA-encoded, trailing dot dropped;
- an IP address in any spelling (2130706433, 0x7f.0.0.1, 0177.0.0.1, 127.1, ::ffff:7f00:1)
  written in its canonical form, so the private-address checks see it;
- the default port dropped, a bad one refused; dot segments resolved; spaces and non-ASCII
  in path and query percent-encoded; the fragment dropped (never sent, never a new page).
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import quote, unquote_to_bytes, urljoin

import idna

MAX_URL_LENGTH = 8192  # longer is a trap (or a broken link), never an article
DEFAULT_PORTS = {"http": 80, "https": 443}

# WHATWG's forbidden host code points (plus the percent sign after decoding).
_FORBIDDEN_HOST = re.compile(r"[\x00-\x20#%/:<>?@\[\\\]^|\x7f]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
# What stays as it is in a path or query: unreserved, sub-delims, ':' '@' '/' '?' and '%'
# (existing escapes are kept, so normalising twice changes nothing).
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"
_QUERY_SAFE = _PATH_SAFE + "?"


# Parameters that name a visitor or where they came from, never a page: a site putting a
# session id in every link (cookie-less PHP and Java servers) or links shared with trackers
# made each visit of one article a new address, stored again. ("sid" and "s" are left:
# some CMSs name sections and searches so.)
_SESSION_KEY = re.compile(
    r"^(phpsessid|jsessionid|aspsessionid\w*|cfid|cftoken|oscsid|zenid|utm_\w+|fbclid|gclid|"
    r"dclid|msclkid|mc_eid|mc_cid|_ga|_gl|yclid|igshid)$",
    re.I,
)
_PATH_SESSION = re.compile(r";jsessionid=[^/?#]*", re.I)


class BadUrl(ValueError):
    """A URL the crawler will not request; `reason` says why in words a report can show."""

    def __init__(self, reason: str, url: str = "") -> None:
        super().__init__(f"{reason}: {url[:200]!r}" if url else reason)
        self.reason = reason
        self.url = url


def normalize_url(url: str) -> str:
    """The canonical absolute http(s) form of `url`; raises BadUrl for anything else."""
    if not isinstance(url, str):
        raise BadUrl("not a string")
    text = _clean(url)
    scheme_match = _SCHEME.match(text)
    if not scheme_match:
        raise BadUrl("not an absolute URL", url)
    scheme = scheme_match.group(1).lower()
    if scheme not in DEFAULT_PORTS:
        raise BadUrl(f"not an http(s) URL ({scheme}:)", url)
    rest = _backslashes_to_slashes(text[scheme_match.end() :])
    rest = rest.lstrip("/")  # http:example.com, http:///example.com: browsers read a host
    authority, tail = _split_authority(rest)
    host, port = _host_and_port(authority, scheme, url)
    path, query = _path_and_query(tail)
    netloc = host if port is None else f"{host}:{port}"
    result = f"{scheme}://{netloc}{path}" + (f"?{query}" if query is not None else "")
    if len(result) > MAX_URL_LENGTH:
        raise BadUrl(f"URL longer than {MAX_URL_LENGTH} characters")
    return result


def join_url(base: str, ref: str) -> str:
    """`ref` (a link or a Location) read against `base`, normalised; raises BadUrl."""
    if not isinstance(ref, str):
        raise BadUrl("not a string")
    text = _clean(ref)
    scheme = _SCHEME.match(text)
    if not scheme or scheme.group(1).lower() in DEFAULT_PORTS:
        # Relative references and http(s) ones: `\` is `/` here too (`\\evil.example\x`).
        text = _backslashes_to_slashes(text)
    try:
        joined = urljoin(normalize_url(base), text)
    except ValueError as exc:  # urljoin parses too: "http://[::1/" is "Invalid IPv6 URL"
        raise BadUrl(f"cannot be read as a link: {exc}") from exc
    return normalize_url(joined)


def without_session(url: str) -> str:
    """`url` without its fragment, session ids and trackers (`;jsessionid=`, `PHPSESSID`,
    `utm_*`, `fbclid`...), otherwise as written: the address of the page itself."""
    url = url.split("#", 1)[0]
    base, mark, query = url.partition("?")
    base = _PATH_SESSION.sub("", base)
    if not mark:
        return base
    kept = [p for p in query.split("&") if p and not _SESSION_KEY.match(p.split("=", 1)[0])]
    return base + ("?" + "&".join(kept) if kept else "")


def page_key(url: str) -> str:
    """One string for every spelling of one page's address (case, dot segments, escapes,
    fragment, session ids, trackers): `url` itself when it is no URL the crawler reads."""
    try:
        return normalize_url(without_session(url))
    except BadUrl:
        return url


def url_host(url: str) -> str:
    """The normalised host of `url` (IPv6 without brackets); raises BadUrl."""
    netloc = normalize_url(url).split("/", 3)[2]
    if netloc.startswith("["):
        return netloc[1 : netloc.index("]")]
    return netloc.rsplit(":", 1)[0] if ":" in netloc else netloc


# Where a source's pages live ----------------------------------------------------------
#
# One reading of "is this URL on the site", for every caller: the run (found links), the
# lander (canonical links), the explorer and the HTML listings (links worth following).
# A site is "host" or "host:port" as normalize_url writes it: the host IDNA-encoded, an IP
# in its canonical spelling, a default port dropped. Scheme does not matter (http and https
# of one host are one site), a port does (two test sites on 127.0.0.1 are two sites), a
# subdomain is another site, and so is a URL this parser refuses (userinfo, a bad port).
# The HTTP client asks a looser question: may a request go to this host, any port
# (HttpClient.allowed_hosts, from Source.hosts): a redirect to :8443 is fetched, and its
# page is then not the source's.


def www_twin(host: str) -> str | None:
    """The same site's other name: `www.` added or taken off (sites redirect between the
    two); None for an IP address or a one-label name (localhost), which have no twin."""
    if "." not in host or host.replace(".", "").isdigit():
        return None
    return host[4:] if host.startswith("www.") else "www." + host


def site_of(url: str) -> str:
    """The site `url` is on: "host" or "host:port", normalised; raises BadUrl."""
    return normalize_url(url).split("/", 3)[2]


def sites_of(url: str) -> frozenset[str]:
    """The site of `url` and its www twin (same port): where its links may lead and stay on
    the site. Empty when `url` is none the crawler reads."""
    try:
        site = site_of(url)
    except BadUrl:
        return frozenset()
    host, port = site, ""
    if ":" in site and not site.endswith("]"):  # "[::1]" is a host; "[::1]:8080" has a port
        host, port = site.rsplit(":", 1)
        port = ":" + port
    twin = www_twin(host)
    return frozenset({site} if twin is None else {site, twin + port})


def foreign_host(url: str | None, sites: Iterable[str]) -> str | None:
    """The site of `url` when it is not one of `sites` (None when it is, or no URL given).

    No sites given means no site is the source's: every URL is foreign (an empty list once
    let every canonical link through, a page on any site standing in as the source's own).

    `sites` may name ports ("127.0.0.1:8080", as Source.sites does): then a URL on another
    port of that host is foreign too; a URL's default port is no port. Both are read by
    normalize_url (IDNA, IP spellings, backslashes), so that what is compared is what a
    request would reach. A URL that parser refuses counts as foreign: its "host" is then
    the URL itself, shortened.
    """
    if not url:
        return None
    try:
        site = site_of(url)
    except BadUrl:
        return url[:100]
    return None if site in _normal_sites(frozenset(sites)) else site


def on_site(url: str, sites: Iterable[str]) -> bool:
    """Whether `url` is an http(s) URL on one of `sites` (see `foreign_host`)."""
    return bool(url) and foreign_host(url, sites) is None


@lru_cache(maxsize=1024)
def _normal_sites(sites: frozenset[str]) -> frozenset[str]:
    normal = set()
    for site in sites:
        try:
            normal.add(site_of(f"http://{site}/"))
        except BadUrl:
            continue  # never matches: no URL's site is unreadable
    return frozenset(normal)


def _clean(url: str) -> str:
    text = url.strip(
        "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12"
        "\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "
    )
    text = text.replace("\t", "").replace("\n", "").replace("\r", "")
    if len(text) > MAX_URL_LENGTH:
        raise BadUrl(f"URL longer than {MAX_URL_LENGTH} characters")
    if _CONTROL.search(text):
        raise BadUrl("control character in URL", url)
    return text


def _backslashes_to_slashes(text: str) -> str:
    """Browsers read `\\` as `/` in an http(s) URL's authority and path, not its query."""
    cut = min((i for i in (text.find("?"), text.find("#")) if i >= 0), default=len(text))
    return text[:cut].replace("\\", "/") + text[cut:]


def _split_authority(rest: str) -> tuple[str, str]:
    for i, char in enumerate(rest):
        if char in "/?#":
            return rest[:i], rest[i:]
    return rest, ""


def _host_and_port(authority: str, scheme: str, url: str) -> tuple[str, int | None]:
    if "@" in authority:
        raise BadUrl("user name or password in URL", url)
    if authority.startswith("["):
        end = authority.find("]")
        if end < 0:
            raise BadUrl("unclosed IPv6 address", url)
        raw_host, after = authority[: end + 1], authority[end + 1 :]
        if after and not after.startswith(":"):
            raise BadUrl("junk after IPv6 address", url)
        raw_port = after[1:] if after else ""
    else:
        raw_host, _, raw_port = authority.partition(":")
    port = _port(raw_port, scheme, url)
    return _host(raw_host, url), port


def _port(raw: str, scheme: str, url: str) -> int | None:
    if raw == "":
        return None
    if not raw.isascii() or not raw.isdigit():
        raise BadUrl("port is not a number", url)
    port = int(raw)
    if not 0 < port <= 65535:
        raise BadUrl("port out of range", url)
    return None if port == DEFAULT_PORTS[scheme] else port


def _host(raw: str, url: str) -> str:
    if not raw:
        raise BadUrl("no host", url)
    if raw.startswith("["):
        return _ipv6(raw[1:-1], url)
    try:
        host = unquote_to_bytes(raw).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadUrl("host is not UTF-8", url) from exc
    try:
        # UTS #46 mapping first: fullwidth digits and dots are digits and dots (１２７．１).
        host = idna.uts46_remap(host, std3_rules=False, transitional=False)
    except idna.IDNAError as exc:
        raise BadUrl("host is not a valid name", url) from exc
    host = host.lower()
    if host.endswith(".") and host != ".":
        host = host[:-1]  # the same name as a fully qualified one; one spelling for the checks
    if not host or _FORBIDDEN_HOST.search(host):
        raise BadUrl("host has a forbidden character" if host else "no host", url)
    if _ends_in_number(host):
        address = _ipv4(host)
        if address is None:
            raise BadUrl("host ends in a number but is not an IPv4 address", url)
        return address
    if host.isascii():
        labels = host.split(".")
        if any(not label or len(label) > 63 for label in labels) or len(host) > 253:
            raise BadUrl("host is not a valid name", url)
        return host
    try:
        return idna.encode(host, uts46=False).decode("ascii")
    except (idna.IDNAError, UnicodeError) as exc:
        raise BadUrl("host is not a valid internationalised name", url) from exc


def _ipv6(text: str, url: str) -> str:
    if "%" in text:
        raise BadUrl("IPv6 zone identifiers are not crawled", url)
    try:
        address = ipaddress.IPv6Address(text)
    except ValueError as exc:
        raise BadUrl("bad IPv6 address", url) from exc
    if address.ipv4_mapped:
        return str(address.ipv4_mapped)  # the same peer; one spelling for the checks
    return f"[{address.compressed}]"


def _ends_in_number(host: str) -> bool:
    last = host.split(".")[-1]
    return bool(_DECIMAL.fullmatch(last) or _HEX.fullmatch(last))


def _ipv4(host: str) -> str | None:
    """The dotted form of an IPv4 address in any spelling inet_aton or a browser accepts."""
    parts = host.split(".")
    if len(parts) > 4:
        return None
    numbers = []
    for part in parts:
        number = _ipv4_number(part)
        if number is None:
            return None
        numbers.append(number)
    *leading, last = numbers
    if any(n > 255 for n in leading) or last >= 256 ** (5 - len(numbers)):
        return None
    value = last
    for i, number in enumerate(leading):
        value += number << (8 * (3 - i))
    return str(ipaddress.IPv4Address(value))


_HEX = re.compile(r"0[xX][0-9a-fA-F]*")
_OCTAL = re.compile(r"0[0-7]+")
_DECIMAL = re.compile(r"[0-9]+")


def _ipv4_number(part: str) -> int | None:
    # Strict forms only: int() would also take "1_0", " 12" or "٣" (Arabic-Indic digits).
    if len(part) > 40:
        return None
    if _HEX.fullmatch(part):
        return int(part[2:], 16) if part[2:] else 0
    if _OCTAL.fullmatch(part):
        return int(part[1:], 8)
    if _DECIMAL.fullmatch(part) and (part == "0" or part[0] != "0"):
        return int(part, 10)
    return None


def _path_and_query(tail: str) -> tuple[str, str | None]:
    tail = tail.split("#", 1)[0]
    path, sep, query = tail.partition("?")
    path = _remove_dot_segments(quote(path, safe=_PATH_SAFE)) or "/"
    return path, quote(query, safe=_QUERY_SAFE) if sep else None


def _remove_dot_segments(path: str) -> str:
    if not path:
        return ""
    out: list[str] = []
    segments = path.split("/")[1:]
    for i, segment in enumerate(segments):
        last = i == len(segments) - 1
        lowered = segment.lower()
        if lowered in (".", "%2e"):
            if last:
                out.append("")
        elif lowered in ("..", ".%2e", "%2e.", "%2e%2e"):
            if out:
                out.pop()
            if last:
                out.append("")
        else:
            out.append(segment)
    return "/" + "/".join(out)
