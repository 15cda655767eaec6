"""Safety where it counts: on the socket a request actually uses.

The client checks a name's addresses before each request (and each redirect), but a name
can resolve to something else a moment later (DNS rebinding). The connection classes here
check the connected peer itself, so what was checked is what was reached.

They also refuse to connect to any host but the one the client's checks passed for the
current request (two URL parsers reading one URL differently can never open a connection
to a third host), and hand each request's socket to its `Watch`, which shuts the socket
down when the request's wall-clock time is up: a server trickling a byte a second cannot
hold a request longer than its deadline, headers included.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import socket
import threading
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

MARKER = "refused: connected to a private address"
HOST_MARKER = "refused: not the host the checks passed"
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


def is_private_address(text: str) -> bool:
    address = ipaddress.ip_address(text.split("%")[0])
    if isinstance(address, ipaddress.IPv6Address):
        # IPv6 spellings of an IPv4 address reach (or may reach) that IPv4 address.
        if address.ipv4_mapped:
            address = address.ipv4_mapped
        elif address.sixtofour:
            address = address.sixtofour
        elif address in _NAT64:
            address = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return (
        not address.is_global  # also shared (carrier-grade NAT, 100.64/10) and test ranges
        or address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_reserved
        or address.is_multicast
        or address.is_unspecified
    )


class PrivateAddressError(OSError):
    pass


class UncheckedHostError(OSError):
    pass


class Watch:
    """One request's guard: the host its checks passed, and the moment it must be over.

    At `ends_at` (a time.monotonic() value) the socket attached last is shut down, so a
    blocked read returns at once; `expired` tells the client why the read ended.

    The watch keeps its own duplicate of the socket's descriptor: shutdown acts on the
    connection whichever descriptor names it, so it also reaches a socket that TLS has
    taken over mid-handshake, and a descriptor number reused after a close is never hit.
    """

    def __init__(self, host: str | None, ends_at: float | None) -> None:
        self.host = host
        self.ends_at = ends_at
        self.expired = False
        self._lock = threading.Lock()
        self._dup: socket.socket | None = None
        self._done = False
        self._timer: threading.Timer | None = None
        if ends_at is not None:
            self._timer = threading.Timer(max(0.0, ends_at - time.monotonic()), self._expire)
            self._timer.daemon = True
            self._timer.start()

    @property
    def over(self) -> bool:
        """The deadline has come: shut down by the timer, or a timeout that ended with it."""
        return self.expired or (self.ends_at is not None and time.monotonic() >= self.ends_at)

    def attach(self, sock: socket.socket) -> None:
        with self._lock:
            if self._done:
                return
            try:
                dup = socket.socket(fileno=os.dup(sock.fileno()))
            except OSError:
                return  # a socket already closed: nothing left to cut
            self._release()
            self._dup = dup
            if self.expired:
                _shut(dup)

    def _expire(self) -> None:
        with self._lock:
            # A request that finished just now keeps its (pooled) connection intact.
            if self._done:
                return
            self.expired = True
            if self._dup is not None:
                _shut(self._dup)

    def close(self) -> None:
        with self._lock:
            self._done = True
            self._release()
        if self._timer is not None:
            self._timer.cancel()

    def _release(self) -> None:
        if self._dup is not None:
            self._dup.close()
            self._dup = None


_local = threading.local()


def current_watch() -> Watch | None:
    return getattr(_local, "watch", None)


@contextlib.contextmanager
def watching(host: str | None, ends_at: float | None) -> Iterator[Watch]:
    """Connections opened or used by this thread inside the block obey a Watch."""
    watch = Watch(host, ends_at)
    previous = current_watch()
    _local.watch = watch
    try:
        yield watch
    finally:
        watch.close()
        _local.watch = previous


def _shut(sock: socket.socket) -> None:
    # shutdown, not close: the reading thread owns the connection and closes it itself.
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


def _bare(host: str) -> str:
    return host.strip("[]").rstrip(".").lower()


def _check_peer(sock, host: str) -> None:
    peer = sock.getpeername()[0]
    if is_private_address(peer):
        sock.close()
        raise PrivateAddressError(f"{host}: {MARKER} {peer}")


# What the mixin is mixed into, for the type checker: its super() calls go to urllib3's.
if TYPE_CHECKING:
    _Connection = HTTPConnection
else:
    _Connection = object


class _GuardedMixin(_Connection):
    """Refuses hosts the checks did not pass; attaches sockets to the request's Watch."""

    public_only = False

    def _new_conn(self):
        watch = current_watch()
        if watch is not None and watch.host is not None and _bare(self.host) != watch.host:
            raise UncheckedHostError(f"{self.host}: {HOST_MARKER} ({watch.host})")
        if watch is not None and watch.ends_at is not None:
            # No socket to shut down yet: the connect's own timeout ends at the deadline.
            left = watch.ends_at - time.monotonic()
            if left <= 0:
                watch.expired = True
                raise TimeoutError("the request's deadline passed before it connected")
            if not isinstance(self.timeout, int | float) or self.timeout > left:
                self.timeout = left
        sock = super()._new_conn()
        if self.public_only:
            _check_peer(sock, self.host)
        if watch is not None:
            watch.attach(sock)
        return sock

    def connect(self):
        super().connect()
        watch = current_watch()
        if watch is not None and self.sock is not None:
            watch.attach(self.sock)  # for https, the TLS socket now owns the descriptor

    def request(self, *args, **kwargs):
        watch = current_watch()
        if watch is not None and self.sock is not None:
            watch.attach(self.sock)  # a pooled connection, reused for this request
        return super().request(*args, **kwargs)


class _CheckedHTTPConnection(_GuardedMixin, HTTPConnection):
    pass


class _CheckedHTTPSConnection(_GuardedMixin, HTTPSConnection):
    pass


class _PublicHTTPConnection(_GuardedMixin, HTTPConnection):
    public_only = True


class _PublicHTTPSConnection(_GuardedMixin, HTTPSConnection):
    public_only = True


class _CheckedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _CheckedHTTPConnection


class _CheckedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _CheckedHTTPSConnection


class _PublicHTTPPool(HTTPConnectionPool):
    ConnectionCls = _PublicHTTPConnection


class _PublicHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _PublicHTTPSConnection


class CheckedAdapter(HTTPAdapter):
    """A requests adapter whose connections obey the thread's Watch (host and deadline)."""

    pools = {"http": _CheckedHTTPPool, "https": _CheckedHTTPSPool}

    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = dict(self.pools)


class PublicOnlyAdapter(CheckedAdapter):
    """CheckedAdapter whose connections also refuse private, loopback and link-local peers."""

    pools = {"http": _PublicHTTPPool, "https": _PublicHTTPSPool}
