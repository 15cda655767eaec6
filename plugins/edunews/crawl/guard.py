"""Private addresses refused where it counts: on the address a socket actually reached.

The client checks a name's addresses before each request (and each redirect), but a name
can resolve to something else a moment later (DNS rebinding). The connection classes here
check the connected peer itself, so what was checked is what was reached.
"""

from __future__ import annotations

import ipaddress

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

MARKER = "refused: connected to a private address"


def is_private_address(text: str) -> bool:
    address = ipaddress.ip_address(text.split("%")[0])
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_reserved
        or address.is_multicast
        or address.is_unspecified
    )


class PrivateAddressError(OSError):
    pass


def _check_peer(sock, host: str) -> None:
    peer = sock.getpeername()[0]
    if is_private_address(peer):
        sock.close()
        raise PrivateAddressError(f"{host}: {MARKER} {peer}")


class _PublicHTTPConnection(HTTPConnection):
    def _new_conn(self):
        sock = super()._new_conn()
        _check_peer(sock, self.host)
        return sock


class _PublicHTTPSConnection(HTTPSConnection):
    def _new_conn(self):
        sock = super()._new_conn()
        _check_peer(sock, self.host)
        return sock


class _PublicHTTPPool(HTTPConnectionPool):
    ConnectionCls = _PublicHTTPConnection


class _PublicHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _PublicHTTPSConnection


class PublicOnlyAdapter(HTTPAdapter):
    """A requests adapter whose connections refuse private, loopback and link-local peers."""

    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": _PublicHTTPPool,
            "https": _PublicHTTPSPool,
        }
